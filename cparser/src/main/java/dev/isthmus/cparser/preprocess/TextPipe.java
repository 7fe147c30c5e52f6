package dev.isthmus.cparser.preprocess;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Preprocessed text handed from the preprocessor's thread to the parser's in chunks: the
 * writer never waits (the queue is unbounded, and a header's text is a few megabytes at
 * most), the reader waits for the next chunk. {@link #abandon()} makes a waiting or later
 * read fail, so a parser stops soon after the preprocessor has failed.
 */
final class TextPipe extends Reader {
    private final ArrayDeque<String> chunks = new ArrayDeque<>();
    private boolean closed;
    private boolean abandoned;
    /** The chunk being read, and how far; touched by the reading thread only. */
    private String current = "";
    private int offset;

    /** Called by the writing thread. */
    synchronized void write(String chunk) {
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
            notifyAll();
        }
    }

    /** The writer failed: readers fail instead of waiting for text that will not come. */
    synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    /** The end of the text. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (offset == current.length()) {
            String next = nextChunk();
            if (next == null) {
                return -1;
            }
            current = next;
            offset = 0;
        }
        int n = Math.min(len, current.length() - offset);
        current.getChars(offset, offset + n, buffer, off);
        offset += n;
        return n;
    }

    private synchronized String nextChunk() throws IOException {
        while (chunks.isEmpty() && !closed && !abandoned) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the preprocessor", e);
            }
        }
        if (abandoned) {
            throw new IOException("the preprocessor failed");
        }
        return chunks.poll();
    }
}
