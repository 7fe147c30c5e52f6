package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;

import java.lang.foreign.MemorySegment;

/**
 * The pointer cdata a callback of one or two parameters gives Lua for C's pointer arguments,
 * one object per parameter kept between calls. A call takes the object (or makes one when a
 * call further out, a nested callback, still has it) and, when the callback's compiled code
 * came back through its own return having let the object out nowhere
 * ({@link dev.isthmus.lua.runtime.LuaFunction#UNBOXED_NUMBER_ARGUMENTS_FREE}), gives it back:
 * a comparator called by {@code qsort} makes no object per comparison. Lua code never sees an
 * object change: the only ones reused are those no Lua value refers to any more.
 */
final class CallbackArguments {
    private final FfiLibrary library;
    private final CType[] types;
    /** Per parameter, the object the next call takes, or null. */
    private final Cdata.Pointer[] free = new Cdata.Pointer[2];

    CallbackArguments(FfiLibrary library, CType first, CType second) {
        this.library = library;
        this.types = new CType[] {first, second};
    }

    /** Parameter {@code index}'s argument, a pointer to {@code value}'s address. */
    Object pointer(int index, MemorySegment value) {
        Cdata.Pointer p = free[index];
        if (p == null) {
            return new Cdata.Pointer(library, types[index], value.address());
        }
        free[index] = null;
        p.reuseFor(value.address());
        return p;
    }

    /** The call that had {@code first} and {@code second} returned with them referenced from nowhere. */
    void release(Object first, Object second) {
        if (types[0] != null && first instanceof Cdata.Pointer p) {
            free[0] = p;
        }
        if (types[1] != null && second instanceof Cdata.Pointer p) {
            free[1] = p;
        }
    }
}
