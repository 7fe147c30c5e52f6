package dev.isthmus.codegen;

/** The command line's exit statuses, one per class of failure. */
enum ExitCode {
    OK(0),
    /** The C text has errors; they were printed with positions. */
    PARSE(1),
    /** The command line itself is wrong (picocli's usage errors). */
    USAGE(2),
    /** An input could not be read, or {@code cc -E} failed on it. */
    INPUT(3),
    /** The output could not be written. */
    OUTPUT(4),
    /** A bug in Isthmus; the message says so, {@code --debug} shows the stack trace. */
    INTERNAL(70);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }
}
