package dev.isthmus.cparser.preprocess;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A source file's characters after C11 5.1.1.2's phases 1 and 2, as bytes: line splices (a
 * backslash, blanks, then a newline, as GCC accepts) removed and carriage returns turned into
 * newlines, with where the splices were, so the lexer still gives each token its physical
 * line and column. Immutable once made; a header included twice is lexed from the same one.
 *
 * <p>A file is its ISO-8859-1 bytes as read, not copied at all unless it has a backslash or a
 * carriage return (about a third of the system headers), nor inflated into characters: on a
 * cold start every array allocated is memory first touched, and {@code String}'s search
 * for the two is not an intrinsic of the C1 compiler the tools run with. A string is its
 * UTF-8 bytes when it holds a character beyond ASCII ({@link #utf8}); every byte from 0x80 is
 * an identifier character either way, so both encodings lex alike.
 *
 * <pre>
 *   as read:  "#define A \\\n  1\n"
 *   text:     "#define A   1\n"      spliceOffsets {10}, spliceLines {1}: from offset 10
 *                        ^           the physical text is one line further down
 * </pre>
 */
final class SourceText {
    /** The length of the pieces {@link #nextSpecial} searches, which keep that method short and often called. */
    private static final int PIECE = 256;
    private static final int[] NONE = new int[0];

    /** The text; only {@code bytes[0, length)} is it. */
    final byte[] bytes;
    final int length;
    /** Whether {@link #bytes} is UTF-8, so spellings are decoded as such (and columns count bytes); else ISO-8859-1. */
    final boolean utf8;
    /** At offset {@code spliceOffsets[i]} the physical text went on {@code spliceLines[i]} lines further down, at column 1. */
    final int[] spliceOffsets;
    final int[] spliceLines;
    final int spliceCount;

    private SourceText(byte[] bytes, int length, boolean utf8, int[] spliceOffsets, int[] spliceLines, int spliceCount) {
        this.bytes = bytes;
        this.length = length;
        this.utf8 = utf8;
        this.spliceOffsets = spliceOffsets;
        this.spliceLines = spliceLines;
        this.spliceCount = spliceCount;
    }

    /** A file's bytes read as ISO-8859-1; the array is the text's from now on, not to be changed by the caller. */
    static SourceText ofLatin1(byte[] bytes) {
        return of(bytes, false);
    }

    /** A string's text: ISO-8859-1 bytes when it is ASCII, else UTF-8. */
    static SourceText of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // As many UTF-8 bytes as characters: ASCII, which both encodings spell alike.
        return of(bytes, bytes.length != text.length());
    }

    private static SourceText of(byte[] bytes, boolean utf8) {
        int first = nextSpecial(bytes, 0, bytes.length);
        if (first < 0) {
            return new SourceText(bytes, bytes.length, utf8, NONE, NONE, 0);
        }
        return withoutSplices(Arrays.copyOf(bytes, bytes.length), first, utf8);
    }

    /** Removes the splices and carriage returns from {@code first} on, in place in {@code b} (a copy: the text only shrinks). */
    private static SourceText withoutSplices(byte[] b, int first, boolean utf8) {
        int n = b.length;
        int[] offsets = new int[16];
        int[] lines = new int[16];
        int splices = 0;
        int out = first;
        int i = first;
        while (i < n) {
            int special = i == first ? first : nextSpecial(b, i, n);
            if (special < 0) {
                System.arraycopy(b, i, b, out, n - i);
                out += n - i;
                break;
            }
            System.arraycopy(b, i, b, out, special - i);
            out += special - i;
            i = special;
            if (b[i] == '\r') {
                b[out++] = '\n';
                i += newlineLength(b, i);
                continue;
            }
            int j = i + 1;
            while (j < n && (b[j] == ' ' || b[j] == '\t')) {
                j++;
            }
            int newline = newlineLength(b, j);
            if (newline == 0) {
                b[out++] = '\\';
                i++;
                continue;
            }
            i = j + newline;
            if (splices > 0 && offsets[splices - 1] == out) {
                lines[splices - 1]++;
            } else {
                if (splices == offsets.length) {
                    offsets = Arrays.copyOf(offsets, splices * 2);
                    lines = Arrays.copyOf(lines, splices * 2);
                }
                offsets[splices] = out;
                lines[splices] = 1;
                splices++;
            }
        }
        return new SourceText(b, out, utf8, offsets, lines, splices);
    }

    private static int newlineLength(byte[] b, int i) {
        if (i >= b.length) {
            return 0;
        }
        if (b[i] == '\n') {
            return 1;
        }
        if (b[i] == '\r') {
            return i + 1 < b.length && b[i + 1] == '\n' ? 2 : 1;
        }
        return 0;
    }

    /**
     * The first backslash or carriage return in {@code b[from, end)}, or -1. Searched a piece at
     * a time: the JVM compiles a method after a few hundred calls, so the piece's loop is
     * compiled within the first file, where one loop over whole files would stay interpreted
     * through most of a cold run's headers.
     */
    private static int nextSpecial(byte[] b, int from, int end) {
        for (int start = from; start < end; start += PIECE) {
            int found = nextSpecialInPiece(b, start, Math.min(end, start + PIECE));
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    private static int nextSpecialInPiece(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == '\\' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
