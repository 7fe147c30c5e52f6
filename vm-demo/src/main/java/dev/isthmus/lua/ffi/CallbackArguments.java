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
    private final CType firstType;
    private final CType secondType;
    /**
     * The objects the next call takes for the first and the second parameter, or null. Two
     * fields rather than an array: with the parameter's index a constant where the JIT compiler
     * inlines {@link #pointer}, each access is one field, with no bounds check.
     */
    private Cdata.Pointer freeFirst;
    private Cdata.Pointer freeSecond;

    CallbackArguments(FfiLibrary library, CType first, CType second) {
        this.library = library;
        this.firstType = first;
        this.secondType = second;
    }

    /** Parameter {@code index}'s argument, a pointer to {@code value}'s address. */
    Object pointer(int index, MemorySegment value) {
        Cdata.Pointer p = index == 0 ? freeFirst : freeSecond;
        if (p == null) {
            return made(index, value);
        }
        if (index == 0) {
            freeFirst = null;
        } else {
            freeSecond = null;
        }
        p.reuseFor(value.address());
        return p;
    }

    /** A new object for parameter {@code index}: a call further out (a nested callback) has the kept one, or none was given back yet. */
    private Object made(int index, MemorySegment value) {
        return new Cdata.Pointer(library, index == 0 ? firstType : secondType, value.address());
    }

    /** The call that had {@code first} and {@code second} returned with them referenced from nowhere. */
    void release(Object first, Object second) {
        if (firstType != null && first instanceof Cdata.Pointer p) {
            freeFirst = p;
        }
        if (secondType != null && second instanceof Cdata.Pointer p) {
            freeSecond = p;
        }
    }
}
