package dev.isthmus.cparser;

import java.util.List;

/**
 * Thrown when C text has errors: carries every {@link CDiagnostic} found, in source order,
 * since the parser resumes after each bad declaration. The message is the diagnostics,
 * one per line. Declarations that parsed without error before or after a bad one are
 * kept in the scope, as LuaJIT's {@code ffi.cdef} keeps those before its error.
 */
public final class CParseException extends RuntimeException {
    private final List<CDiagnostic> diagnostics;

    public CParseException(List<CDiagnostic> diagnostics) {
        super(render(diagnostics), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a parse exception needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<CDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first error, which is usually the one to fix. */
    public CDiagnostic first() {
        return diagnostics.getFirst();
    }

    private static String render(List<CDiagnostic> diagnostics) {
        StringBuilder text = new StringBuilder();
        for (CDiagnostic d : diagnostics) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(d);
        }
        return text.toString();
    }
}
