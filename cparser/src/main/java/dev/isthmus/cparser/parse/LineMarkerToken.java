package dev.isthmus.cparser.parse;

/**
 * A line marker ({@code # 42 "file.h"}) handed over by a preprocessor ({@link TokenFeed}):
 * a {@code DIRECTIVE} token with its text as the lexer would make it, carrying what the text
 * says, so {@link DirectiveTracker} need not match the text against a pattern to learn it
 * (a set of system headers writes a thousand markers).
 */
final class LineMarkerToken extends FedToken {
    private final int nextLine;
    private final String file;

    /** The marker's {@code text}, on hidden channel 2 as the lexer puts directives, at the start of {@code line}, at {@code offset}. */
    LineMarkerToken(String text, int line, int offset, int nextLine, String file) {
        super(CDeclarationsLexer.DIRECTIVE, 2, text, line, 0, offset);
        this.nextLine = nextLine;
        this.file = file;
    }

    /** The line number the marker gives the line after it. */
    int nextLine() {
        return nextLine;
    }

    /** The file name the marker gives, unescaped. */
    String file() {
        return file;
    }
}
