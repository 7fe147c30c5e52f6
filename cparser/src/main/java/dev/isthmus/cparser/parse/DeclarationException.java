package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CDiagnostic;

/**
 * Abandons the declaration being built: control flow inside the parser, caught by the
 * driver, which records the diagnostic and resumes at the next declaration. No stack trace.
 */
final class DeclarationException extends RuntimeException {
    private final CDiagnostic diagnostic;

    DeclarationException(CDiagnostic diagnostic) {
        super(diagnostic.toString(), null, false, false);
        this.diagnostic = diagnostic;
    }

    CDiagnostic diagnostic() {
        return diagnostic;
    }
}
