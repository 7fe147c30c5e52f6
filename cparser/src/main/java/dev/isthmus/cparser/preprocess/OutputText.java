package dev.isthmus.cparser.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The preprocessed text as it is written: appended in chunks of a fixed size and joined into
 * one {@code String} only when {@link #toString} is first asked for. A {@code StringBuilder}
 * grown to the whole text (1.3 MB for the system header set) allocates about three times
 * that in the arrays it outgrows and copies, and a parser fed the tokens as they are written
 * ({@code CPreprocessor.preprocessAndDeclare}) may never ask for the text at all: on a cold
 * start every megabyte allocated is memory the process touches for the first time.
 */
final class OutputText implements Supplier<String> {
    private static final int CHUNK = 1 << 16;

    private final List<StringBuilder> full = new ArrayList<>();
    private StringBuilder current = new StringBuilder(CHUNK);
    /** The characters in {@link #full}. */
    private int fullLength;
    private String joined;

    void append(String s) {
        room(s.length());
        current.append(s);
    }

    void append(char c) {
        room(1);
        current.append(c);
    }

    /** Starts a new chunk when {@code more} characters would not fit in this one (a longer string gets a chunk of its own size). */
    private void room(int more) {
        if (current.length() + more > CHUNK && !current.isEmpty()) {
            full.add(current);
            fullLength += current.length();
            current = new StringBuilder(Math.max(CHUNK, more));
        }
    }

    int length() {
        return fullLength + current.length();
    }

    boolean isEmpty() {
        return length() == 0;
    }

    /** The last character written; only when not {@link #isEmpty}. */
    char last() {
        return current.isEmpty() ? full.getLast().charAt(full.getLast().length() - 1) : current.charAt(current.length() - 1);
    }

    /** The whole text, joined at the first call. */
    @Override
    public String get() {
        return toString();
    }

    /** The whole text, joined at the first call. */
    @Override
    public synchronized String toString() {
        if (joined == null) {
            StringBuilder all = new StringBuilder(length());
            for (StringBuilder chunk : full) {
                all.append(chunk);
            }
            joined = all.append(current).toString();
        }
        return joined;
    }
}
