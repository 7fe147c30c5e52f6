package dev.isthmus.cparser.preprocess;

import java.nio.charset.StandardCharsets;

/**
 * One {@link Spelling} per distinct token spelling of a preprocessing run, so a header's
 * thousands of {@code int}s and {@code __THROW}s are one object: the lexer allocates no
 * string for a spelling it has seen, the macro a name defines is a field of its spelling,
 * and hide sets and the parser's token feed compare and hash the same string instance (its
 * hash code computed once). Open addressing over a power-of-two table; not thread-safe.
 */
final class Spellings {
    private Spelling[] table;
    /** Each slot's spelling's hash, so most slots of other spellings are passed without comparing characters. */
    private int[] hashes;
    private int count;

    /** A table for a small text, which grows as spellings come. */
    Spellings() {
        this(8);
    }

    /** A table made for about {@code expected} spellings (a power of two is taken), so a run over many headers does not grow it in steps. */
    Spellings(int expected) {
        table = new Spelling[Integer.highestOneBit(Math.max(expected, 8) * 2 - 1) * 2];
        hashes = new int[table.length];
    }

    /** The spelling of ISO-8859-1 {@code bytes[start, end)}, the same instance for the same characters. */
    Spelling of(byte[] bytes, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + (bytes[i] & 0xFF);
        }
        int mask = table.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            Spelling s = table[slot];
            if (s == null) {
                return insert(slot, new String(bytes, start, end - start, StandardCharsets.ISO_8859_1), hash);
            }
            if (hashes[slot] == hash && sameCharacters(s.text, bytes, start, end)) {
                return s;
            }
        }
    }

    /** The instance for a spelling made elsewhere (decoded from UTF-8, pasted, a name in a pragma), the same for the same characters. */
    Spelling of(String spelling) {
        int hash = spelling.hashCode();
        int mask = table.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            Spelling s = table[slot];
            if (s == null) {
                return insert(slot, spelling, hash);
            }
            if (hashes[slot] == hash && s.text.equals(spelling)) {
                return s;
            }
        }
    }

    private Spelling insert(int slot, String text, int hash) {
        Spelling spelling = new Spelling(text, this);
        table[slot] = spelling;
        hashes[slot] = hash;
        if (++count * 2 > table.length) {
            grow();
        }
        return spelling;
    }

    private static boolean sameCharacters(String s, byte[] bytes, int start, int end) {
        if (s.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (s.charAt(i - start) != (bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** Spreads the low bits, which short spellings leave alike. */
    private static int mix(int hash) {
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

    private void grow() {
        Spelling[] old = table;
        int[] oldHashes = hashes;
        table = new Spelling[old.length * 2];
        hashes = new int[table.length];
        int mask = table.length - 1;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                int slot = mix(oldHashes[i]) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = old[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
