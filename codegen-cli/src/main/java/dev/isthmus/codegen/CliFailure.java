package dev.isthmus.codegen;

/** A failure to report as one line and an exit status; no stack trace unless {@code --debug}. */
final class CliFailure extends RuntimeException {
    private final ExitCode exitCode;

    CliFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
