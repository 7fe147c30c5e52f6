package dev.isthmus.cparser.preprocess;

import java.util.List;

/**
 * Thrown when preprocessing found errors: carries every diagnostic, warnings included, in
 * the order found. The message is the diagnostics, one per line; there is no stack trace.
 */
public final class PreprocessException extends RuntimeException {
    private final List<PreprocessDiagnostic> diagnostics;

    public PreprocessException(List<PreprocessDiagnostic> diagnostics) {
        super(String.join("\n", diagnostics.stream().map(PreprocessDiagnostic::toString).toList()), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<PreprocessDiagnostic> diagnostics() {
        return diagnostics;
    }
}
