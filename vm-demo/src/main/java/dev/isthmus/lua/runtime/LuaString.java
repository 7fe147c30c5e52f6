package dev.isthmus.lua.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Lua string: an immutable sequence of bytes. Lua strings are byte strings, so {@code #s},
 * {@code string.byte} and the FFI see bytes; Java text enters and leaves as UTF-8 only at
 * the edges (source files, printing).
 */
public final class LuaString implements Comparable<LuaString> {
    public static final LuaString EMPTY = new LuaString(new byte[0]);

    private final byte[] bytes;
    private int hash;
    /** The native copy C sees (made on the first conversion to a pointer), held as long as this string is. */
    private volatile java.lang.foreign.MemorySegment nativeCopy;

    private LuaString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A string owning {@code bytes}: the caller must not change the array afterwards. */
    public static LuaString wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new LuaString(bytes);
    }

    /** A new string object owning {@code bytes}, never {@link #EMPTY}: a key distinct from every other string. */
    static LuaString wrapDistinct(byte[] bytes) {
        return new LuaString(bytes);
    }

    public static LuaString of(byte[] bytes, int start, int end) {
        return wrap(Arrays.copyOfRange(bytes, start, end));
    }

    /** Java text as its UTF-8 bytes. */
    public static LuaString of(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** The bytes themselves, not a copy: callers only read them. */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * The string's bytes in native memory, NUL-terminated, as C sees the string passed as a
     * {@code const char *}: one address for the string's lifetime and for every string equal
     * to it (LuaJIT's interned strings), freed when no such string is left. C must not write
     * to it.
     */
    public java.lang.foreign.MemorySegment nativeCopy() {
        java.lang.foreign.MemorySegment copy = nativeCopy;
        if (copy == null) {
            copy = NativeStringCopies.copyOf(this);
            nativeCopy = copy;
        }
        return copy;
    }

    public LuaString substring(int start, int end) {
        return start == 0 && end == bytes.length ? this : of(bytes, start, end);
    }

    public LuaString concat(LuaString other) {
        byte[] joined = newBytes(concatenationLength((long) bytes.length + other.bytes.length));
        System.arraycopy(bytes, 0, joined, 0, bytes.length);
        System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
        return wrap(joined);
    }

    /** LuaJIT's {@code LJ_MAX_STR}: every string is shorter. */
    public static final int MAX_LENGTH = 0x7fffff00;

    /**
     * The length of a concatenation's result, as an int; at {@link #MAX_LENGTH} or more the
     * error LuaJIT's {@code ..} raises ({@code lj_meta_cat}), where Java's int would wrap.
     */
    public static int concatenationLength(long length) {
        if (length >= MAX_LENGTH) {
            throw new LuaError("string length overflow");
        }
        return (int) length;
    }

    /** A string's byte array; a heap too small for it is LuaJIT's "not enough memory", a Lua error. */
    public static byte[] newBytes(int length) {
        try {
            return new byte[length];
        } catch (OutOfMemoryError e) {
            throw new LuaError("not enough memory");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LuaString s && (s == this || s.hashCode() == hashCode() && Arrays.equals(bytes, s.bytes));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes) | 1;
            hash = h;
        }
        return h;
    }

    /** Byte-wise unsigned comparison, as C's {@code strcoll} in the C locale (Lua's {@code <} on strings). */
    @Override
    public int compareTo(LuaString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The bytes decoded as UTF-8 (invalid sequences replaced), for Java-side messages and printing. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes as ISO-8859-1 characters, one char per byte: lossless, for Java APIs that need a String. */
    public String toLatin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
