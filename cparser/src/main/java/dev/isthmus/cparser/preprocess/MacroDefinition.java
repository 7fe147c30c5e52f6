package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.SourcePosition;

import java.util.List;

/**
 * A macro a header defined, as a tool sees it: name, parameters when function-like (the
 * variadic one named {@code __VA_ARGS__} unless GCC's {@code name...}), its replacement
 * list as text, and where it was defined.
 */
public record MacroDefinition(String name, boolean functionLike, List<String> parameters, boolean variadic,
                              String body, SourcePosition position) {
    public MacroDefinition {
        parameters = List.copyOf(parameters);
    }
}
