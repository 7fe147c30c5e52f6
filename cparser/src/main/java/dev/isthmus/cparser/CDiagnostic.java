package dev.isthmus.cparser;

import java.util.Objects;

/**
 * One error in C source: its kind, where it is, the token there (empty at end of input)
 * and the full sentence. Prints as compilers do: {@code file:line:col: error: sentence near 'token'}.
 */
public record CDiagnostic(CErrorKind kind, SourcePosition position, String token, String message) {
    public CDiagnostic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String near = token.isEmpty() ? " at end of input" : " near '" + token + "'";
        return position + ": error: " + message + near;
    }
}
