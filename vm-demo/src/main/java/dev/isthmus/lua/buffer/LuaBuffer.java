package dev.isthmus.lua.buffer;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.StringLike;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A LuaJIT string buffer ({@code buffer.new()}): a FIFO of bytes in native memory, read
 * from the front and written at the back, as LuaJIT's {@code SBufExt} is.
 *
 * <pre>
 *   0 (b)        read (r)          write (w)          capacity (e)
 *   |  consumed  |  data: #buf      |  free: reserve() |
 * </pre>
 *
 * The memory is GC-owned ({@link Arena#ofAuto()}): a {@code ref()} or {@code reserve()}
 * pointer anchors the segment it points into, so memory a script still points at is never
 * released, even after {@code free()} or growth moved the buffer elsewhere (LuaJIT frees it
 * then, and a stale pointer is the script's bug; here it reads the old bytes).
 *
 * <p>Sizes follow LuaJIT's rules exactly ({@code lj_buf.c}): capacity starts at 32 and
 * doubles, compaction moves data down unless too little was consumed, so the free space
 * {@code reserve} reports is LuaJIT's. After {@code set}, the memory is the string's (or
 * the cdata's) own, copied on the first write (copy-on-write).
 */
final class LuaBuffer implements StringLike {
    /** LuaJIT's LJ_MAX_BUF: the largest buffer, as the largest string. */
    static final long MAX_BYTES = 0x7fffff00L;
    /** LuaJIT's LJ_MIN_SBUF: the first allocation. */
    private static final long MIN_CAPACITY = 32;

    private final LuaTable metatable;
    private final Dictionaries dictionaries;
    private MemorySegment memory = MemorySegment.NULL;
    private long read;
    private long write;
    /** The string or cdata whose memory this buffer reads after {@code set}; null when the memory is the buffer's own. */
    private Object copyOnWrite;

    LuaBuffer(LuaTable metatable, Dictionaries dictionaries) {
        this.metatable = metatable;
        this.dictionaries = dictionaries;
    }

    @Override
    public LuaType luaType() {
        return LuaType.USERDATA;
    }

    @Override
    public LuaTable metatable() {
        return metatable;
    }

    Dictionaries dictionaries() {
        return dictionaries;
    }

    /** {@code #buf}: the bytes not yet read. */
    long length() {
        return write - read;
    }

    long capacity() {
        return memory.byteSize();
    }

    long readOffset() {
        return read;
    }

    long writeOffset() {
        return write;
    }

    MemorySegment memory() {
        return memory;
    }

    boolean isCopyOnWrite() {
        return copyOnWrite != null;
    }

    /**
     * What a pointer into the memory keeps alive, and so how far the ffi lets it reach: the
     * memory segment (a string's native copy too), or the cdata whose memory this is.
     */
    Object anchor() {
        return copyOnWrite == null || copyOnWrite instanceof LuaString ? memory : copyOnWrite;
    }

    @Override
    public LuaString contents() {
        return bytes(read, write - read);
    }

    LuaString bytes(long from, long count) {
        return count == 0 ? LuaString.EMPTY : LuaString.wrap(memory.asSlice(from, count).toArray(ValueLayout.JAVA_BYTE));
    }

    /** {@code buf:reset()}: empty, keeping its own memory but not a string's. */
    void reset() {
        if (copyOnWrite != null) {
            copyOnWrite = null;
            memory = MemorySegment.NULL;
        }
        read = 0;
        write = 0;
    }

    /** {@code buf:free()}: empty, with no memory. */
    void free() {
        copyOnWrite = null;
        memory = MemorySegment.NULL;
        read = 0;
        write = 0;
    }

    /** {@code buf:set()}: reads {@code bytes}, which belong to {@code owner}, until the first write. */
    void share(MemorySegment bytes, Object owner) {
        free();
        memory = bytes;
        copyOnWrite = owner;
        write = bytes.byteSize();
    }

    /** Consumes {@code n} bytes (at most the length); an emptied buffer of its own starts again at 0. */
    void skip(long n) {
        if (n < length()) {
            read += n;
        } else if (copyOnWrite != null) {
            read = write;
        } else {
            read = 0;
            write = 0;
        }
    }

    /** Consumes up to {@code n} bytes as a string. */
    LuaString take(long n) {
        LuaString s = bytes(read, Math.min(n, length()));
        read += s.length();
        return s;
    }

    /** After reads: an emptied buffer of its own starts again at 0, as {@code buf:get} leaves it. */
    void rewindIfEmpty() {
        if (read == write && copyOnWrite == null) {
            read = 0;
            write = 0;
        }
    }

    /** Moves the read position to {@code offset} (after a decode). */
    void readTo(long offset) {
        read = offset;
    }

    /** Moves the write position to {@code offset}, inside the capacity (after writing through the memory). */
    void writeTo(long offset) {
        write = offset;
    }

    /** {@code buffer.new(size)}: at least {@code size} bytes of capacity (LuaJIT's lj_buf_need2). */
    void ensureCapacity(long size) {
        if (size > capacity()) {
            if (size > MAX_BYTES) {
                throw outOfMemory();
            }
            grow(size);
        }
    }

    /** Room for {@code n} more bytes at the write position (LuaJIT's lj_buf_more); returns the write position. */
    long makeRoom(long n) {
        if (n > capacity() - write) {
            makeRoomSlowly(n);
        }
        return write;
    }

    /** LuaJIT's lj_buf_more2 for extended buffers: grow, or compact by moving the data down. */
    private void makeRoomSlowly(long n) {
        long length = length();
        if (n > MAX_BYTES || length + n > MAX_BYTES) {
            throw outOfMemory();
        }
        if (length + n > capacity()) {
            grow(length + n);
        } else if (copyOnWrite != null || read < capacity() >> 3) {
            // Little consumed space to win back: growing avoids compacting again and again.
            grow(write + n);
            return;
        }
        if (read != 0) {
            MemorySegment.copy(memory, read, memory, 0, length);
            read = 0;
            write = length;
        }
    }

    /** LuaJIT's buf_grow: a new capacity of 32 doubled until it holds {@code size}, contents and positions kept. */
    private void grow(long size) {
        long newCapacity = Math.max(capacity(), MIN_CAPACITY);
        while (newCapacity < size) {
            newCapacity += newCapacity;
        }
        MemorySegment grown;
        try {
            grown = Arena.ofAuto().allocate(newCapacity, 16);
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        }
        // All of it, as LuaJIT's realloc (or copy of a shared string) keeps it: reserved bytes
        // written before a larger reserve survive until their commit.
        MemorySegment.copy(memory, 0, grown, 0, capacity());
        memory = grown;
        copyOnWrite = null;
    }

    void append(byte[] bytes) {
        if (bytes.length > 0) {
            long at = makeRoom(bytes.length);
            MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, at, bytes.length);
            write = at + bytes.length;
        }
    }

    /** Appends {@code count} bytes of {@code source} from {@code offset}. */
    void append(MemorySegment source, long offset, long count) {
        if (count > 0) {
            long at = makeRoom(count);
            MemorySegment.copy(source, offset, memory, at, count);
            write = at + count;
        }
    }

    /** {@code buf:commit(n)}: the next {@code n} reserved bytes become data; false when fewer are reserved. */
    boolean commit(long n) {
        if (n > capacity() - write) {
            return false;
        }
        write += n;
        return true;
    }

    private static LuaError outOfMemory() {
        return new LuaError(LuaString.of("not enough memory"));
    }
}
