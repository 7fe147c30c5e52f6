package dev.isthmus.cparser.preprocess;

import java.util.List;
import java.util.function.Supplier;

/**
 * The result of preprocessing: the text (tokens with line markers, for the parser), the
 * warnings met ({@code #warning}, redefinitions), and the macros defined by the files at
 * the end, in definition order, for tools that report or translate them (spelled out when
 * first asked for: a system header set defines thousands).
 */
public final class Preprocessed {
    /** Joins the text when first asked for: a parser fed the tokens as they were written may never need it. */
    private final Supplier<String> text;
    private final List<PreprocessDiagnostic> warnings;
    private Supplier<List<MacroDefinition>> macros;
    private List<MacroDefinition> spelled;

    Preprocessed(Supplier<String> text, List<PreprocessDiagnostic> warnings, Supplier<List<MacroDefinition>> macros) {
        this.text = text;
        this.warnings = List.copyOf(warnings);
        this.macros = macros;
    }

    public String text() {
        return text.get();
    }

    public List<PreprocessDiagnostic> warnings() {
        return warnings;
    }

    public synchronized List<MacroDefinition> macros() {
        if (spelled == null) {
            spelled = List.copyOf(macros.get());
            macros = null;
        }
        return spelled;
    }
}
