package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The lexer's input read from a {@link Reader} as the lexer needs it, so parsing can begin
 * before the whole text exists (a preprocessor on another thread writes it). Unlike ANTLR's
 * unbuffered stream it keeps every character read, so tokens' text and seeking back work
 * as over a string; a header's preprocessed text is at most a few megabytes.
 *
 * <p>Each {@code char} is one symbol: the preprocessor reads files as ISO-8859-1, so its
 * output has no surrogate pairs. A failing read is an {@link UncheckedIOException}, which
 * ANTLR passes through to the caller of the parse.
 */
final class ReaderCharStream implements CharStream {
    private static final int READ_SIZE = 8192;

    private final Reader reader;
    private final String sourceName;
    private char[] chars = new char[1 << 16];
    private int length;
    private boolean ended;
    private int position;

    ReaderCharStream(Reader reader, String sourceName) {
        this.reader = reader;
        this.sourceName = sourceName;
    }

    @Override
    public void consume() {
        if (LA(1) == IntStream.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i > 0 ? position + i - 1 : position + i;
        if (at < 0) {
            return IntStream.EOF;
        }
        while (at >= length && !ended) {
            readMore();
        }
        return at < length ? chars[at] : IntStream.EOF;
    }

    /** Blocks until the reader gives more text or ends. */
    private void readMore() {
        if (chars.length - length < READ_SIZE) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        try {
            int n = reader.read(chars, length, chars.length - length);
            if (n < 0) {
                ended = true;
            } else {
                length += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Everything read is kept, so marks need no bookkeeping.
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = index;
    }

    /** The characters read so far (the whole text once the lexer has reached its end). */
    @Override
    public int size() {
        return length;
    }

    @Override
    public String getSourceName() {
        return sourceName;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, length - 1);
        return start > stop ? "" : new String(chars, start, stop - start + 1);
    }
}
