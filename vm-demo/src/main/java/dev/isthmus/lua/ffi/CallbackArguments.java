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
    /** The first parameter's kept object, or null when it is not a pointer. */
    final Kept first;
    /** The second parameter's, or null. */
    final Kept second;

    CallbackArguments(FfiLibrary library, CType firstType, CType secondType) {
        this.first = firstType == null ? null : new Kept(library, firstType);
        this.second = secondType == null ? null : new Kept(library, secondType);
    }

    /** The call that had {@code firstArgument} and {@code secondArgument} returned with them referenced from nowhere. */
    void release(Object firstArgument, Object secondArgument) {
        if (first != null) {
            first.giveBack(firstArgument);
        }
        if (second != null) {
            second.giveBack(secondArgument);
        }
    }

    /** One pointer parameter's object. */
    static final class Kept {
        private final FfiLibrary library;
        private final CType type;
        /** The object the next call takes, or null. */
        private Cdata.Pointer free;

        Kept(FfiLibrary library, CType type) {
            this.library = library;
            this.type = type;
        }

        /**
         * The argument, a pointer to {@code value}'s address. Kept under 35 bytes of bytecode
         * ({@code MaxInlineSize}), which the JIT compiler inlines whatever the profile of the
         * handle calling it says: left out of line, it made the upcall allocate the segment C's
         * address arrives in, on top of the call.
         */
        Object take(MemorySegment value) {
            Cdata.Pointer p = free;
            if (p == null) {
                return made(value);
            }
            free = null;
            p.reuseFor(value.address());
            return p;
        }

        /** A new object: a call further out (a nested callback) has the kept one, or none was given back yet. */
        private Object made(MemorySegment value) {
            return new Cdata.Pointer(library, type, value.address());
        }

        void giveBack(Object argument) {
            if (argument instanceof Cdata.Pointer p) {
                free = p;
            }
        }
    }
}
