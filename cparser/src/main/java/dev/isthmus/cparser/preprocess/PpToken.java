package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.SourcePosition;

/**
 * One preprocessing token (C11 6.4): its kind and spelling, where it was written (the
 * presumed file name and line, which {@code #line} can change), whether whitespace came
 * before it, whether it starts a line (so {@code #} there begins a directive), and the
 * macros it must no longer expand inside ({@link HideSet}, after Prosser's algorithm).
 */
record PpToken(Kind kind, Spelling spelling, String file, int line, int column, boolean space, boolean startsLine,
               HideSet hideSet) {

    enum Kind {
        IDENTIFIER, NUMBER, CHARACTER, STRING, PUNCTUATOR,
        /** A character no other kind takes, such as a stray {@code `} or an unterminated quote. */
        OTHER,
        /** Stands for an empty macro argument next to {@code ##} (C11 6.10.3.3); never output. */
        PLACEMARKER,
        END
    }

    /** The spelling's characters. */
    String text() {
        return spelling.text;
    }

    /**
     * Whether this is the identifier or punctuator {@code text}. The lengths are compared first,
     * here: most tokens asked about are of another length, and {@code String.equals} is a call
     * C1 does not inline (it is asked of nearly every token, often several times).
     */
    boolean is(String text) {
        String own = spelling.text;
        return own.length() == text.length() && own.equals(text) && (kind == Kind.PUNCTUATOR || kind == Kind.IDENTIFIER);
    }

    boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    boolean isEnd() {
        return kind == Kind.END;
    }

    SourcePosition position() {
        return new SourcePosition(file.isEmpty() ? "<input>" : file, Math.max(1, line), Math.max(1, column));
    }

    PpToken withSpace(boolean hasSpace) {
        return hasSpace == space ? this : new PpToken(kind, spelling, file, line, column, hasSpace, startsLine, hideSet);
    }

    PpToken withHideSet(HideSet set) {
        return new PpToken(kind, spelling, file, line, column, space, startsLine, set);
    }

    /** This token as it appears where a macro was invoked: the invocation's place, this token's spelling, the space given. */
    PpToken at(PpToken invocation, HideSet set, boolean hasSpace) {
        return new PpToken(kind, spelling, invocation.file, invocation.line, invocation.column, hasSpace, false, set);
    }

    static PpToken end(String file, int line) {
        return new PpToken(Kind.END, Spelling.EMPTY, file, line, 1, false, true, HideSet.EMPTY);
    }

    @Override
    public String toString() {
        return spelling.text;
    }
}
