package dev.isthmus.jit;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The memory accessors that code emitted by {@link MemoryAccess} calls: small static
 * methods the JIT compiler inlines into a plain load or store. Public because generated
 * classes live in their VM's packages; not an API to call from Java.
 *
 * <p>Two addressings, one pair of methods per storage type for each:
 * <ul>
 * <li>a raw address ({@code long}): through {@link #EVERYTHING}, the segment spanning all
 *     of memory, so unchecked like C (only the guards in {@link Guards} protect);</li>
 * <li>a {@link MemorySegment} and an offset in it: the FFM API checks the bounds and that
 *     the segment is still alive, throwing {@link IndexOutOfBoundsException} or
 *     {@link IllegalStateException} instead of touching memory it does not own.</li>
 * </ul>
 * Every access is unaligned: members of packed structs sit anywhere, and on x86-64 and
 * AArch64 an unaligned access costs what an aligned one does.
 */
public final class NativeMemory {
    /** All of memory: offset = address. Restricted ({@code reinterpret}), hence native access for this module. */
    static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private NativeMemory() {
    }

    public static byte getByte(long address) {
        return EVERYTHING.get(ValueLayout.JAVA_BYTE, address);
    }

    public static short getShort(long address) {
        return EVERYTHING.get(SHORT, address);
    }

    public static int getInt(long address) {
        return EVERYTHING.get(INT, address);
    }

    public static long getLong(long address) {
        return EVERYTHING.get(LONG, address);
    }

    public static float getFloat(long address) {
        return EVERYTHING.get(FLOAT, address);
    }

    public static double getDouble(long address) {
        return EVERYTHING.get(DOUBLE, address);
    }

    public static void setByte(long address, byte value) {
        EVERYTHING.set(ValueLayout.JAVA_BYTE, address, value);
    }

    public static void setShort(long address, short value) {
        EVERYTHING.set(SHORT, address, value);
    }

    public static void setInt(long address, int value) {
        EVERYTHING.set(INT, address, value);
    }

    public static void setLong(long address, long value) {
        EVERYTHING.set(LONG, address, value);
    }

    public static void setFloat(long address, float value) {
        EVERYTHING.set(FLOAT, address, value);
    }

    public static void setDouble(long address, double value) {
        EVERYTHING.set(DOUBLE, address, value);
    }

    public static byte getByte(MemorySegment segment, long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset);
    }

    public static short getShort(MemorySegment segment, long offset) {
        return segment.get(SHORT, offset);
    }

    public static int getInt(MemorySegment segment, long offset) {
        return segment.get(INT, offset);
    }

    public static long getLong(MemorySegment segment, long offset) {
        return segment.get(LONG, offset);
    }

    public static float getFloat(MemorySegment segment, long offset) {
        return segment.get(FLOAT, offset);
    }

    public static double getDouble(MemorySegment segment, long offset) {
        return segment.get(DOUBLE, offset);
    }

    public static void setByte(MemorySegment segment, long offset, byte value) {
        segment.set(ValueLayout.JAVA_BYTE, offset, value);
    }

    public static void setShort(MemorySegment segment, long offset, short value) {
        segment.set(SHORT, offset, value);
    }

    public static void setInt(MemorySegment segment, long offset, int value) {
        segment.set(INT, offset, value);
    }

    public static void setLong(MemorySegment segment, long offset, long value) {
        segment.set(LONG, offset, value);
    }

    public static void setFloat(MemorySegment segment, long offset, float value) {
        segment.set(FLOAT, offset, value);
    }

    public static void setDouble(MemorySegment segment, long offset, double value) {
        segment.set(DOUBLE, offset, value);
    }

    /**
     * The {@code width} bits starting {@code bitOffset} bits after {@code address},
     * zero-extended; bit 0 is the least significant bit of the first byte (the
     * little-endian ABIs' numbering, SysV psABI 3.1.2).
     */
    public static long getBits(long address, long bitOffset, int width) {
        return getBits(EVERYTHING, address, bitOffset, width);
    }

    /** Stores the low {@code width} bits of {@code value} there, keeping the bits around them. */
    public static void setBits(long address, long value, long bitOffset, int width) {
        setBits(EVERYTHING, address, value, bitOffset, width);
    }

    public static long getBits(MemorySegment segment, long offset, long bitOffset, int width) {
        long first = offset + (bitOffset >> 3);
        int shift = (int) (bitOffset & 7);
        int byteCount = (shift + width + 7) >> 3;
        // Gather the bytes the field touches, low byte first; a 64-bit field at shift s spans 9.
        long low = 0;
        for (int i = 0; i < Math.min(byteCount, 8); i++) {
            low |= (segment.get(ValueLayout.JAVA_BYTE, first + i) & 0xFFL) << (8 * i);
        }
        long bits = low >>> shift;
        if (byteCount == 9) {
            bits |= (segment.get(ValueLayout.JAVA_BYTE, first + 8) & 0xFFL) << (64 - shift);
        }
        return width == 64 ? bits : bits & ((1L << width) - 1);
    }

    public static void setBits(MemorySegment segment, long offset, long value, long bitOffset, int width) {
        long first = offset + (bitOffset >> 3);
        int shift = (int) (bitOffset & 7);
        int byteCount = (shift + width + 7) >> 3;
        for (int i = 0; i < byteCount; i++) {
            // The field's bits that fall in byte i, and which of that byte's bits they are.
            int firstBit = Math.max(0, 8 * i - shift);
            int mask = fieldMaskInByte(i, shift, width);
            int old = segment.get(ValueLayout.JAVA_BYTE, first + i);
            int fresh = (int) (i == 0 ? value << shift : value >>> firstBit) & mask;
            segment.set(ValueLayout.JAVA_BYTE, first + i, (byte) ((old & ~mask) | fresh));
        }
    }

    /** Which bits of byte {@code i} of the span belong to a field starting at bit {@code shift} of byte 0. */
    private static int fieldMaskInByte(int i, int shift, int width) {
        int from = Math.max(0, shift - 8 * i);
        int to = Math.min(8, shift + width - 8 * i);
        return ((1 << to) - 1) & ~((1 << from) - 1);
    }
}
