package dev.isthmus.lua.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The native copies of Lua strings, one per content: LuaJIT interns strings, so every string
 * with the same bytes has one address, and scripts key tables by it (an LRU cache keyed by
 * {@code ffi.cast("uintptr_t", ffi.cast("const char *", s))}). A copy is GC-owned memory
 * ({@link Arena#ofAuto}) that every {@link LuaString} converted to a pointer holds; when no
 * such string is left, the copy is freed and its entry leaves this table.
 *
 * <p>The table's keys are strings of their own that share the bytes but never hold the copy,
 * so the table keeps no copy alive. It does not make Lua strings interned: equal strings stay
 * distinct Java objects that share one native copy.
 */
final class NativeStringCopies {
    private static final Map<LuaString, Copy> COPIES = new HashMap<>();
    private static final ReferenceQueue<MemorySegment> FREED = new ReferenceQueue<>();

    private NativeStringCopies() {
    }

    /** A copy still held by some string, remembering its key to leave the table once it is freed. */
    private static final class Copy extends WeakReference<MemorySegment> {
        final LuaString key;

        Copy(MemorySegment copy, LuaString key) {
            super(copy, FREED);
            this.key = key;
        }
    }

    /** The NUL-terminated native copy of the string's bytes, shared by all strings equal to it. */
    static synchronized MemorySegment copyOf(LuaString s) {
        for (var freed = FREED.poll(); freed != null; freed = FREED.poll()) {
            Copy c = (Copy) freed;
            COPIES.remove(c.key, c);
        }
        Copy known = COPIES.get(s);
        MemorySegment copy = known == null ? null : known.get();
        if (copy == null) {
            byte[] bytes = s.bytes();
            copy = Arena.ofAuto().allocate(bytes.length + 1L);
            MemorySegment.copy(bytes, 0, copy, ValueLayout.JAVA_BYTE, 0, bytes.length);
            LuaString key = LuaString.wrapDistinct(bytes);
            COPIES.put(key, new Copy(copy, key));
        }
        return copy;
    }
}
