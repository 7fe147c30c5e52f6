package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.SourcePosition;

import java.util.Objects;

/**
 * An error or warning of the preprocessor, printed as compilers print them:
 * {@code file:line:col: error: #include nested too deeply}.
 */
public record PreprocessDiagnostic(Severity severity, SourcePosition position, String message) {
    public enum Severity { ERROR, WARNING }

    public PreprocessDiagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return position + ": " + (isError() ? "error" : "warning") + ": " + message;
    }
}
