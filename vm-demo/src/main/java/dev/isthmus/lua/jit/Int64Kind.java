package dev.isthmus.lua.jit;

import dev.isthmus.lua.ffi.Cdata;
import dev.isthmus.lua.ffi.FfiLibrary;

/**
 * What a 64-bit integer the trace keeps as a JVM long is: {@code int64_t} or {@code uint64_t},
 * of which FFI library. It is all a {@link Cdata.Int64} holds besides the bits, so a long and
 * its kind make the cdata again where the value escapes (a store, a call, an exit). Kinds are
 * values: instructions on equal kinds are shared.
 */
record Int64Kind(FfiLibrary library, boolean isUnsigned) {
    static Int64Kind of(Cdata.Int64 value) {
        return new Int64Kind(value.library(), value.isUnsigned());
    }

    /** Whether {@code value} is a 64-bit integer cdata of this kind (what {@link IrOp#I64UNBOX} guards). */
    boolean holds(Object value) {
        return value instanceof Cdata.Int64 i && i.isUnsigned() == isUnsigned && i.library() == library;
    }

    /** The cdata of this kind holding {@code bits}: a new object, as each result of the interpreter's arithmetic is. */
    Object box(long bits) {
        return new Cdata.Int64(library, bits, isUnsigned);
    }

    /** The bits of a value {@link #holds} accepted. */
    static long bitsOf(Object value) {
        return ((Cdata.Int64) value).value();
    }
}
