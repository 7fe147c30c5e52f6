package dev.isthmus.cparser.preprocess;

import java.util.function.Consumer;

/**
 * Writes preprocessed text the way {@code cc -E} does: tokens on the line they came from,
 * blank lines for short gaps and a line marker ({@code # 42 "file.h"}) for long gaps and
 * file changes, so the parser maps every token back to its header and line. Tokens that
 * were apart stay apart, and a space separates tokens that would otherwise lex as one.
 * Without line markers ({@code -P}) only the tokens and their line breaks are written.
 */
final class PreprocessedWriter {
    /** How much text is handed to {@link #sink} at a time: small enough that a parser reading it starts early. */
    private static final int CHUNK_CHARS = 4096;

    private final StringBuilder out = new StringBuilder(1 << 16);
    private final boolean lineMarkers;
    /** Receives the text as it is written, in chunks, when someone reads it meanwhile; else null. */
    private final Consumer<String> sink;
    private int handedOut;
    private String file;
    private int line;
    private PpToken previous;

    PreprocessedWriter(boolean lineMarkers, Consumer<String> sink) {
        this.lineMarkers = lineMarkers;
        this.sink = sink;
    }

    void token(PpToken t) {
        moveTo(t.file(), t.line());
        if (previous != null && (t.space() || PpLexer.wouldJoin(previous, t))) {
            out.append(' ');
        } else if (previous == null && t.space()) {
            out.append(' ');
        }
        out.append(t.text());
        previous = t;
        handOutWhenFull();
    }

    private void handOutWhenFull() {
        if (out.length() - handedOut >= CHUNK_CHARS) {
            handOut();
        }
    }

    private void handOut() {
        if (sink != null) {
            sink.accept(out.substring(handedOut));
            handedOut = out.length();
        }
    }

    /** A line of its own, such as {@code #pragma pack(1)} or {@code #define X 1}, at a place. */
    void directive(String text, String atFile, int atLine) {
        moveTo(atFile, atLine);
        if (previous != null) {
            newLine();
            marker(atFile, atLine);
        }
        out.append(text);
        newLine();
        handOutWhenFull();
    }

    private void moveTo(String toFile, int toLine) {
        if (!toFile.equals(file)) {
            if (previous != null || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
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
            out.append("# ").append(toLine).append(" \"").append(toFile.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        file = toFile;
        line = toLine;
        previous = null;
    }

    private void newLine() {
        out.append('\n');
        line++;
        previous = null;
    }

    String text() {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        handOut();
        return out.toString();
    }
}
