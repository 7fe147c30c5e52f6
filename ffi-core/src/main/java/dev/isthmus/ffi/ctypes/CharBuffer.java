package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** What {@code create_string_buffer} returns: a mutable {@code char} array with {@code .value} and {@code .raw}. */
public final class CharBuffer {
    private final MemorySegment memory;

    CharBuffer(long size) {
        this.memory = Arena.ofAuto().allocate(size);
    }

    /** The bytes up to the first NUL, decoded as UTF-8 (Python gives bytes; Java a String). */
    public String value() {
        return memory.getString(0, StandardCharsets.UTF_8);
    }

    /** Every byte of the buffer. */
    public byte[] raw() {
        return memory.toArray(ValueLayout.JAVA_BYTE);
    }

    /** The buffer's size in bytes ({@code len(buf.raw)}). */
    public long size() {
        return memory.byteSize();
    }

    MemorySegment segment() {
        return memory;
    }
}
