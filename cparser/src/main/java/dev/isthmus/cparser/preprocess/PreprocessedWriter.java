package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.parse.TokenFeed;

/**
 * Writes preprocessed text the way {@code cc -E} does: tokens on the line they came from,
 * blank lines for short gaps and a line marker ({@code # 42 "file.h"}) for long gaps and
 * file changes, so the parser maps every token back to its header and line. Tokens that
 * were apart stay apart, and a space separates tokens that would otherwise lex as one.
 * Without line markers ({@code -P}) only the tokens and their line breaks are written.
 */
final class PreprocessedWriter {
    private final OutputText out = new OutputText();
    private final boolean lineMarkers;
    /** Receives each token as it is written, with its place in the text, when a parser reads them meanwhile; else null. */
    private final TokenFeed feed;
    private String file;
    private int line;
    private PpToken previous;
    /** The line of the text being written (1-based), and the offset where it starts. */
    private int outputLine = 1;
    private int lineStart;

    PreprocessedWriter(boolean lineMarkers, TokenFeed feed) {
        this.lineMarkers = lineMarkers;
        this.feed = feed;
    }

    void token(PpToken t) {
        moveTo(t.file(), t.line());
        if (previous != null && (t.space() || PpLexer.wouldJoin(previous, t))) {
            out.append(' ');
        } else if (previous == null && t.space()) {
            out.append(' ');
        }
        int start = out.length();
        out.append(t.text());
        if (feed != null) {
            feed.token(t.text(), outputLine, start - lineStart, start);
        }
        previous = t;
    }

    /** A line of its own, such as {@code #pragma pack(1)} or {@code #define X 1}, at a place. */
    void directive(String text, String atFile, int atLine) {
        moveTo(atFile, atLine);
        if (previous != null) {
            newLine();
            marker(atFile, atLine);
        }
        directiveLine(text);
        line++;
    }

    private void moveTo(String toFile, int toLine) {
        // The same instance as the last token's nearly always: tested before the call to equals, which C1 does not inline.
        if (toFile != file && !toFile.equals(file)) {
            if (previous != null || (!out.isEmpty() && out.last() != '\n')) {
                newLine();
            }
            marker(toFile, toLine);
            return;
        }
        if (toLine <= line) {
            return;
        }
        int gap = toLine - line;
        if (gap > 8 && lineMarkers) {
            newLine();
            marker(toFile, toLine);
            return;
        }
        for (int i = 0; i < (lineMarkers ? gap : Math.min(gap, 1)); i++) {
            newLine();
        }
        line = toLine;
    }

    private void marker(String toFile, int toLine) {
        if (lineMarkers) {
            int start = out.length();
            String text = "# ".concat(Integer.toString(toLine)).concat(" \"").concat(escaped(toFile)).concat("\"");
            out.append(text);
            if (feed != null) {
                feed.lineMarker(text, outputLine, start, toLine, toFile);
            }
            endLine();
        }
        file = toFile;
        line = toLine;
        previous = null;
    }

    /** A file name in a line marker's quotes: a backslash and a quote escaped by a backslash, as GCC writes them. */
    private static String escaped(String name) {
        if (name.indexOf('\\') < 0 && name.indexOf('"') < 0) {
            return name;
        }
        StringBuilder escaped = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == '"') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A whole line of the text that is a directive, and its line break. */
    private void directiveLine(String text) {
        int start = out.length();
        out.append(text);
        if (feed != null) {
            feed.directive(text, outputLine, start);
        }
        endLine();
        previous = null;
    }

    private void newLine() {
        endLine();
        line++;
        previous = null;
    }

    private void endLine() {
        out.append('\n');
        outputLine++;
        lineStart = out.length();
    }

    /** Ends the text; it is joined into one string when first asked for. */
    OutputText text() {
        if (!out.isEmpty() && out.last() != '\n') {
            endLine();
        }
        if (feed != null) {
            feed.end(outputLine, out.length() - lineStart, out.length());
        }
        return out;
    }
}
