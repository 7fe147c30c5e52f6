package dev.isthmus.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Memory that lives for one call (copies of strings and byte arrays). The arena is made
 * only when something is allocated, so calls that pass only numbers and segments pay
 * nothing for it.
 */
final class CallTemporaries implements SegmentAllocator, AutoCloseable {
    private Arena arena;

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (arena == null) {
            arena = Arena.ofConfined();
        }
        return arena.allocate(byteSize, byteAlignment);
    }

    @Override
    public void close() {
        if (arena != null) {
            arena.close();
        }
    }
}
