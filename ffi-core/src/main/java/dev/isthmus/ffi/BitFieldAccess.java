package dev.isthmus.ffi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes bitfields a byte at a time, so a field may start at any bit and cross
 * any boundary (packed structs put them anywhere). Bits are numbered from the least
 * significant bit of the byte at offset 0, as on the little-endian ABIs supported.
 */
final class BitFieldAccess {
    private BitFieldAccess() {
    }

    /** The field's bits, zero-extended. */
    static long read(MemorySegment segment, long bitOffset, int width) {
        long result = 0;
        int done = 0;
        long bit = bitOffset;
        while (done < width) {
            int shift = (int) (bit & 7);
            int take = Math.min(8 - shift, width - done);
            long chunk = ((segment.get(ValueLayout.JAVA_BYTE, bit >>> 3) & 0xFF) >>> shift) & ((1 << take) - 1);
            result |= chunk << done;
            done += take;
            bit += take;
        }
        return result;
    }

    /** Stores the low {@code width} bits of {@code value}, leaving the neighbouring bits as they were. */
    static void write(MemorySegment segment, long bitOffset, int width, long value) {
        int done = 0;
        long bit = bitOffset;
        while (done < width) {
            int shift = (int) (bit & 7);
            int take = Math.min(8 - shift, width - done);
            int mask = ((1 << take) - 1) << shift;
            long at = bit >>> 3;
            int old = segment.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
            int bits = (int) ((value >>> done) << shift) & mask;
            segment.set(ValueLayout.JAVA_BYTE, at, (byte) ((old & ~mask) | bits));
            done += take;
            bit += take;
        }
    }

    /** Sign-extends a {@code width}-bit value. */
    static long signExtend(long value, int width) {
        return width >= 64 ? value : (value << (64 - width)) >> (64 - width);
    }
}
