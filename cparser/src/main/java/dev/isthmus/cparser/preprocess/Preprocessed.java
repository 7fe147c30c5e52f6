package dev.isthmus.cparser.preprocess;

import java.util.List;

/**
 * The result of preprocessing: the text (tokens with line markers, for the parser), the
 * warnings met ({@code #warning}, redefinitions), and the macros defined by the files at
 * the end, in definition order, for tools that report or translate them.
 */
public record Preprocessed(String text, List<PreprocessDiagnostic> warnings, List<MacroDefinition> macros) {
    public Preprocessed {
        warnings = List.copyOf(warnings);
        macros = List.copyOf(macros);
    }
}
