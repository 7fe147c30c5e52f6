package dev.isthmus.lua.buffer;

import dev.isthmus.lua.ffi.FfiLibrary;
import dev.isthmus.lua.ffi.FfiLibrary.SerializableNumber;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * LuaJIT's serialization format ({@code lj_serialize.c}), byte for byte, so encodings travel
 * between LuaJIT and this VM in both directions.
 *
 * <p>Each value starts with a tag, a U124 number: one byte below 0xe0; two bytes
 * {@code 0xe0 | (v - 0xe0) >> 8, (v - 0xe0) & 0xff} below 0x1fe0; else 0xff and four bytes,
 * little-endian. Numbers inside the format are little-endian too.
 *
 * <pre>
 *   0x00 nil   0x01 false   0x02 true   0x03..0x05 light userdata (NULL, 32-, 64-bit)
 *   0x06 int32             0x07 double (8 bytes; numbers are always doubles here, as on x64)
 *   0x08 + 1 (hash part) + 2 (array part from t[0]) or 4 (array part from t[1]):
 *        table: [U124 array length, counting slot 0] [U124 hash count] array values, key/value pairs
 *   0x0e U124: the table after it has the metatable at that index of the metatable dictionary
 *   0x0f U124: the string at that index of the string dictionary (hash keys only)
 *   0x10 int64_t   0x11 uint64_t (8 bytes)   0x12 complex (two doubles)
 *   0x20 + n: a string of n bytes
 * </pre>
 *
 * A table's array part is its keys 1..n as stored in the array part, trailing nils left out,
 * and t[0] when set and there is an array part (LuaJIT keeps index 0 there); the hash part
 * holds the rest, in this VM's traversal order, which only for one key is LuaJIT's order.
 * Nesting deeper than 100 tables is an error both ways. Light userdata, which this VM does
 * not have, are not decoded.
 */
final class Serializer {
    static final int MAX_DEPTH = 100;

    private static final int TAG_NIL = 0x00;
    private static final int TAG_FALSE = 0x01;
    private static final int TAG_TRUE = 0x02;
    private static final int TAG_INT = 0x06;
    private static final int TAG_NUM = 0x07;
    private static final int TAG_TAB = 0x08;
    private static final int TAG_DICT_MT = 0x0e;
    private static final int TAG_DICT_STR = 0x0f;
    private static final int TAG_INT64 = 0x10;
    private static final int TAG_UINT64 = 0x11;
    private static final int TAG_COMPLEX = 0x12;
    private static final int TAG_STR = 0x20;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** LuaJIT's canonical NaN: what a decoded NaN becomes when its bits would be a tagged value there. */
    private static final long CANONICAL_NAN = 0xfff8000000000000L;
    private static final long FIRST_TAGGED_NAN = 0xfff9000000000000L;
    /** LuaJIT's LJ_MAX_ASIZE and the hash size of LJ_MAX_HBITS: larger tables are its "table overflow". */
    private static final long MAX_ARRAY_SIZE = (1L << 27) + 1;
    private static final long MAX_HASH_SIZE = 1L << 26;

    private Serializer() {
    }

    /** Appends the encoding of {@code value} to {@code out}. */
    static void encode(LuaBuffer out, Object value, FfiLibrary ffi) {
        Writer w = new Writer(out, ffi);
        w.put(value);
        out.writeTo(w.at);
    }

    /** Decodes one value from {@code in}'s bytes {@code [from, end)}; {@link Reader#at} is where it ended. */
    static Reader decode(MemorySegment in, long from, long end, Dictionaries dictionaries, FfiLibrary ffi) {
        Reader r = new Reader(in, from, end, dictionaries, ffi);
        r.value = r.get();
        return r;
    }

    /**
     * Writes at {@link #at} in the buffer's memory. The buffer's own write position moves
     * only when it must grow (as LuaJIT's serialize_more), so an error leaves it where the
     * last growth put it.
     */
    private static final class Writer {
        private final LuaBuffer out;
        private final FfiLibrary ffi;
        private final Dictionaries dictionaries;
        private MemorySegment memory;
        private long at;
        private int depth = MAX_DEPTH;

        Writer(LuaBuffer out, FfiLibrary ffi) {
            this.out = out;
            this.ffi = ffi;
            this.dictionaries = out.dictionaries();
            this.memory = out.memory();
            this.at = out.writeOffset();
        }

        private void more(long n) {
            if (n > out.capacity() - at) {
                out.writeTo(at);
                at = out.makeRoom(n);
                memory = out.memory();
            }
        }

        private void putByte(int b) {
            memory.set(ValueLayout.JAVA_BYTE, at++, (byte) b);
        }

        private void putU124(long v) {
            if (v < 0xe0) {
                putByte((int) v);
            } else if (v < 0x1fe0) {
                v -= 0xe0;
                putByte(0xe0 | (int) (v >> 8));
                putByte((int) v);
            } else {
                putByte(0xff);
                memory.set(INT, at, (int) v);
                at += 4;
            }
        }

        private void putLong(long v) {
            memory.set(LONG, at, v);
            at += 8;
        }

        private void putString(LuaString s) {
            more(5L + s.length());
            putU124(TAG_STR + (long) s.length());
            MemorySegment.copy(s.bytes(), 0, memory, ValueLayout.JAVA_BYTE, at, s.length());
            at += s.length();
        }

        void put(Object value) {
            switch (value) {
                case LuaString s -> putString(s);
                case Double d -> {
                    more(9);
                    putByte(TAG_NUM);
                    putLong(Double.doubleToRawLongBits(d));
                }
                case null -> {
                    more(1);
                    putByte(TAG_NIL);
                }
                case Boolean b -> {
                    more(1);
                    putByte(b ? TAG_TRUE : TAG_FALSE);
                }
                case LuaTable t -> putTable(t);
                default -> putCdata(value);
            }
        }

        private void putCdata(Object value) {
            switch (ffi.serializableNumber(value)) {
                case SerializableNumber.Int64(long bits, boolean isUnsigned) -> {
                    more(9);
                    putByte(isUnsigned ? TAG_UINT64 : TAG_INT64);
                    putLong(bits);
                }
                case SerializableNumber.Complex(double re, double im) -> {
                    more(17);
                    putByte(TAG_COMPLEX);
                    putLong(Double.doubleToRawLongBits(re));
                    putLong(Double.doubleToRawLongBits(im));
                }
                case null -> throw new LuaError("cannot serialize '" + LuaType.of(value).luaName() + "'");
            }
        }

        private void putTable(LuaTable t) {
            if (depth <= 0) {
                throw new LuaError("too deep to serialize");
            }
            depth--;
            int arraySize = t.arrayPartSize();
            int last = arraySize;
            while (last > 0 && t.get(last) == null) {
                last--;
            }
            Object zero = last > 0 ? t.get(0) : null;
            long arrayLength = last > 0 ? last + 1L : 0;
            Object hashStart = arraySize > 0 ? (Object) (double) arraySize : null;
            long hashCount = 0;
            for (LuaTable.Entry e = t.next(hashStart); e != null; e = t.next(e.key())) {
                if (!(zero != null && isZero(e.key()))) {
                    hashCount++;
                }
            }
            Integer metatableIndex = t.metatable() == null ? null : dictionaries.metatableIndex().get(t.metatable());
            if (metatableIndex != null) {
                more(6);
                putByte(TAG_DICT_MT);
                putU124(metatableIndex);
            }
            more(11);
            putByte(TAG_TAB + (hashCount > 0 ? 1 : 0) + (arrayLength > 0 ? (zero == null ? 4 : 2) : 0));
            if (arrayLength > 0) {
                putU124(arrayLength);
            }
            if (hashCount > 0) {
                putU124(hashCount);
            }
            for (int i = zero == null ? 1 : 0; i < arrayLength; i++) {
                put(t.get(i));
            }
            if (hashCount > 0) {
                for (LuaTable.Entry e = t.next(hashStart); e != null; e = t.next(e.key())) {
                    if (zero != null && isZero(e.key())) {
                        continue;
                    }
                    Integer index = e.key() instanceof LuaString s ? dictionaries.stringIndex().get(s) : null;
                    if (index != null) {
                        more(6);
                        putByte(TAG_DICT_STR);
                        putU124(index);
                    } else {
                        put(e.key());
                    }
                    put(e.value());
                }
            }
            depth++;
        }

        private static boolean isZero(Object key) {
            return key instanceof Double d && d == 0;
        }
    }

    /** Reads one value; {@link #at} is the position after it. */
    static final class Reader {
        private final MemorySegment in;
        private final long end;
        private final Dictionaries dictionaries;
        private final FfiLibrary ffi;
        private long at;
        private int depth = MAX_DEPTH;
        private Object value;

        Reader(MemorySegment in, long from, long end, Dictionaries dictionaries, FfiLibrary ffi) {
            this.in = in;
            this.at = from;
            this.end = end;
            this.dictionaries = dictionaries;
            this.ffi = ffi;
        }

        Object value() {
            return value;
        }

        long at() {
            return at;
        }

        private int nextByte() {
            return in.get(ValueLayout.JAVA_BYTE, at++) & 0xff;
        }

        /** A U124 number, unsigned 32-bit. */
        private long u124() {
            need(1);
            long v = nextByte();
            if (v >= 0xe0) {
                if (v != 0xff) {
                    need(1);
                    v = ((v & 0x1f) << 8) + nextByte() + 0xe0;
                } else {
                    need(4);
                    v = in.get(INT, at) & 0xffffffffL;
                    at += 4;
                }
            }
            return v;
        }

        private void need(long n) {
            if (n > end - at) {
                throw new LuaError("unexpected end of buffer");
            }
        }

        private long nextLong() {
            need(8);
            long v = in.get(LONG, at);
            at += 8;
            return v;
        }

        private static double number(long bits) {
            return Double.longBitsToDouble(Long.compareUnsigned(bits, FIRST_TAGGED_NAN) >= 0 ? CANONICAL_NAN : bits);
        }

        Object get() {
            long tag = u124();
            if (tag >= TAG_STR) {
                long length = tag - TAG_STR;
                need(length);
                LuaString s = length == 0 ? LuaString.EMPTY : LuaString.wrap(in.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE));
                at += length;
                return s;
            }
            switch ((int) tag) {
                case TAG_NIL -> {
                    return null;
                }
                case TAG_FALSE -> {
                    return Boolean.FALSE;
                }
                case TAG_TRUE -> {
                    return Boolean.TRUE;
                }
                case TAG_INT -> {
                    need(4);
                    int v = in.get(INT, at);
                    at += 4;
                    return (double) v;
                }
                case TAG_NUM -> {
                    return number(nextLong());
                }
                case TAG_DICT_STR -> {
                    long index = (u124() + 1) & 0xffffffffL;
                    LuaString s = dictionaries.string(index - 1);
                    if (s == null) {
                        throw badIndex(index);
                    }
                    return s;
                }
                case TAG_INT64, TAG_UINT64 -> {
                    long bits = nextLong();
                    return ffi.cdataOf(new SerializableNumber.Int64(bits, tag == TAG_UINT64));
                }
                case TAG_COMPLEX -> {
                    need(16);
                    double re = number(nextLong());
                    double im = number(nextLong());
                    return ffi.cdataOf(new SerializableNumber.Complex(re, im));
                }
                default -> {
                    if (tag >= TAG_TAB && tag <= TAG_DICT_MT) {
                        return getTable(tag);
                    }
                    throw badTag(tag);
                }
            }
        }

        private LuaTable getTable(long tag) {
            if (depth <= 0) {
                throw new LuaError("too deep to serialize");
            }
            depth--;
            LuaTable metatable = null;
            if (tag == TAG_DICT_MT) {
                long index = (u124() + 1) & 0xffffffffL;
                metatable = dictionaries.metatable(index - 1);
                if (metatable == null) {
                    throw badIndex(index);
                }
                tag = u124();
                if (!(tag >= TAG_TAB && tag < TAG_DICT_MT)) {
                    throw badTag(tag);
                }
            }
            long arrayLength = tag >= TAG_TAB + 2 ? u124() : 0;
            long hashCount = (tag & 1) != 0 ? u124() : 0;
            if (arrayLength > MAX_ARRAY_SIZE || hashCount > MAX_HASH_SIZE) {
                throw new LuaError(LuaString.of("table overflow"));
            }
            int first = tag >= TAG_TAB + 4 ? 1 : 0;
            // Every value takes a byte at least, so the input bounds what is preallocated: a
            // count beyond it runs into the input's end while reading, and no memory is spent on it.
            long left = end - at;
            LuaTable t = new LuaTable((int) Math.min(Math.max(arrayLength - 1, 0), left), (int) Math.min(hashCount, left / 2));
            t.setMetatable(metatable);
            for (long i = first; i < arrayLength; i++) {
                Object v = get();
                if (v != null) {
                    t.put((double) i, v);
                }
            }
            for (long k = 0; k < hashCount; k++) {
                Object key = get();
                if (key == null) {
                    throw new LuaError(LuaString.of("table index is nil"));
                }
                if (key instanceof Double d && d.isNaN()) {
                    throw new LuaError(LuaString.of("table index is NaN"));
                }
                if (t.get(key) != null) {
                    throw new LuaError("duplicate table key");
                }
                Object v = get();
                if (v != null) {
                    t.put(key, v);
                }
            }
            depth++;
            return t;
        }

        private static LuaError badTag(long tag) {
            return new LuaError(String.format("cannot deserialize tag 0x%02x", tag));
        }

        private static LuaError badIndex(long index) {
            return new LuaError("cannot deserialize dictionary index " + (int) index);
        }
    }
}
