package dev.isthmus.cparser;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a block of C declarations declared, in the order it appeared. A scope keeps
 * them so tools (the {@code cdecl} layout printer, the binding generator) can walk a
 * header's contents in source order. Every declaration knows where it came from: the
 * file of the innermost {@code # line "file"} marker, or the name the caller gave.
 */
public sealed interface Declaration {

    String name();

    SourcePosition position();

    /**
     * {@code typedef <type> name;}. {@code parameterNames} are those the typedef wrote for
     * the function type it names or points to ({@code typedef int (*cmp)(const void *a,
     * const void *b)}), one entry per parameter, empty where one was left unnamed; no
     * entries for other types. They play no part in the type.
     */
    record Typedef(String name, CType type, List<Optional<String>> parameterNames, SourcePosition position)
            implements Declaration {
        public Typedef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            parameterNames = List.copyOf(parameterNames);
            Objects.requireNonNull(position, "position");
        }

        /** A typedef whose parameters, if any, are unnamed. */
        public Typedef(String name, CType type, SourcePosition position) {
            this(name, type, List.of(), position);
        }
    }

    /**
     * A struct or union that was defined (given a body) or forward-declared. The name is
     * its C spelling ({@code struct foo}); anonymous records are reported only through
     * the declarations that use them.
     */
    record Record(String name, RecordType type, SourcePosition position) implements Declaration {
        public Record {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
        }
    }

    /** An enum type defined with a body; its constants are also declared one by one as {@link Constant}s. */
    record Enum(String name, EnumType type, SourcePosition position) implements Declaration {
        public Enum {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * A function. {@code parameterNames} has one entry per parameter, empty where the
     * declaration left it unnamed. {@code symbol} is the linker name: the
     * {@code __asm__("sym")} redirect when there was one, else the name. {@code annotations}
     * are the strings of its {@code __attribute__((annotate("...")))}, in order.
     * {@code callbackParameterNames} has one entry per parameter: for a function pointer
     * parameter, the names the declaration gave that function's parameters
     * ({@code void (*visit)(int index, void *user)}: {@code index}, {@code user}), else empty.
     */
    record Function(String name, CType.Function type, List<Optional<String>> parameterNames,
                    String symbol, boolean isInline, SourcePosition position, List<String> annotations,
                    List<List<Optional<String>>> callbackParameterNames) implements Declaration {
        /** A function without annotations. */
        public Function(String name, CType.Function type, List<Optional<String>> parameterNames,
                        String symbol, boolean isInline, SourcePosition position) {
            this(name, type, parameterNames, symbol, isInline, position, List.of());
        }

        /** A function whose function pointer parameters' own parameters are unnamed. */
        public Function(String name, CType.Function type, List<Optional<String>> parameterNames,
                        String symbol, boolean isInline, SourcePosition position, List<String> annotations) {
            this(name, type, parameterNames, symbol, isInline, position, annotations, List.of());
        }

        public Function {
            annotations = List.copyOf(annotations);
            if (callbackParameterNames.size() != type.parameterTypes().size()) {
                callbackParameterNames = Collections.nCopies(type.parameterTypes().size(), List.of());
            }
            callbackParameterNames = callbackParameterNames.stream().map(List::copyOf).toList();
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            int count = type.parameterTypes().size();
            if (parameterNames.isEmpty() && count > 0) {
                // Declared through a typedef of a function type (`handler_t on_event;`): no names.
                parameterNames = Collections.nCopies(count, Optional.empty());
            }
            if (parameterNames.size() != count) {
                throw new IllegalArgumentException(name + " has " + count + " parameters but " + parameterNames.size() + " names");
            }
            parameterNames = List.copyOf(parameterNames);
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A variable ({@code extern int x;}); {@code symbol} as for {@link Function}. */
    record Variable(String name, CType type, String symbol, SourcePosition position) implements Declaration {
        public Variable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A named constant: enumerator, {@code static const} with an initializer, or {@code #define}. */
    record Constant(String name, ConstantValue value, SourcePosition position) implements Declaration {
        public Constant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }
}
