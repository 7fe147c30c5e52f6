package dev.isthmus.cparser;

/**
 * A place in C source text: the file (as named by the caller or by a {@code # 12 "file.h"}
 * line marker), a 1-based line and a 1-based column.
 */
public record SourcePosition(String file, int line, int column) {
    public SourcePosition {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("file must be named, got " + file);
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** A position for types built by code rather than parsed from text. */
    public static final SourcePosition BUILTIN = new SourcePosition("<builtin>", 1, 1);

    /** {@code file:line:column}, the prefix compilers print before a diagnostic. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
