package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.ffi.CData;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * A cdata value as Lua sees it (LuaJIT's FFI semantics). Values that LuaJIT boxes
 * immutably are records without native memory (64-bit integers, pointers, complex numbers,
 * ctypes); objects with storage (structs, unions, arrays, and scalars made by
 * {@code ffi.new}) wrap an ffi-core {@link CData}. All share the FFI library's internal
 * metatable, which implements indexing, calls, arithmetic and comparison.
 */
public sealed interface Cdata extends LuaObject, dev.isthmus.lua.runtime.LuaIndexable {
    FfiLibrary library();

    @Override
    default Object index(Object key) {
        return library().operations().index(this, key);
    }

    @Override
    default void setIndex(Object key, Object value) {
        library().operations().newIndex(this, key, value);
    }

    /** The C type of the value. */
    CType type();

    @Override
    default LuaType luaType() {
        return LuaType.CDATA;
    }

    @Override
    default LuaTable metatable() {
        return library().cdataMetatable();
    }

    default String typeName() {
        return FfiLibrary.render(type());
    }

    /** An {@code int64_t} or {@code uint64_t} value ({@code 1LL}, {@code 1ULL}, 64-bit results). */
    record Int64(FfiLibrary library, long value, boolean isUnsigned) implements Cdata {
        @Override
        public CType type() {
            return isUnsigned ? library.uint64Type() : library.int64Type();
        }
    }

    /**
     * A pointer (or function pointer) holding an address; {@code anchor} keeps alive what the
     * address points into (a callback, a string copy). Immutable to Lua code, as LuaJIT's pointer
     * cdata are, and equal to another only as the same object (raw equality); a class rather than
     * a record only so that a callback's argument object can be given to its next call
     * ({@link KeptPointer}), once the call's compiled code showed it never let the object out.
     */
    final class Pointer implements Cdata, dev.isthmus.lua.interp.KeptArgument.Reusable {
        private final FfiLibrary library;
        private final CType type;
        private long address;
        private final Object anchor;

        public Pointer(FfiLibrary library, CType type, long address, Object anchor) {
            this.library = library;
            this.type = type;
            this.address = address;
            this.anchor = anchor;
        }

        public Pointer(FfiLibrary library, CType type, long address) {
            this(library, type, address, null);
        }

        @Override
        public FfiLibrary library() {
            return library;
        }

        @Override
        public CType type() {
            return type;
        }

        public long address() {
            return address;
        }

        public Object anchor() {
            return anchor;
        }

        /** The object made to hold another address: only for an argument no Lua code kept ({@link KeptPointer}). */
        @Override
        public void reuseFor(long newAddress) {
            address = newAddress;
        }

        @Override
        public String toString() {
            return "Pointer[" + FfiLibrary.render(type) + " " + Long.toHexString(address) + "]";
        }
    }

    /** An enum value read from memory or returned by C: LuaJIT keeps it a cdata of the enum type. */
    record EnumValue(FfiLibrary library, CType type, long value) implements Cdata {
    }

    /** A complex number ({@code 1i}, {@code complex} results). */
    record ComplexValue(FfiLibrary library, CType type, double re, double im) implements Cdata {
    }

    /** A C type as a value ({@code ffi.typeof}): calling it constructs an object of the type. */
    record TypeObject(FfiLibrary library, CType type) implements Cdata {
    }

    /**
     * An object with storage: struct, union, array, or a scalar made by {@code ffi.new}; views of
     * members too. {@code type} is the data's type, or a reference to it ({@code T &}): LuaJIT's
     * reference is a pointer dereferenced wherever it is used, so a reference cdata is the object
     * it binds to, seen through a reference type ({@link CdataConversion#plain} looks through it).
     */
    record Memory(FfiLibrary library, CData data, java.util.List<Object> anchors, CType type) implements Cdata {
        public Memory(FfiLibrary library, CData data, java.util.List<Object> anchors) {
            this(library, data, anchors, data.type());
        }

        public Memory(FfiLibrary library, CData data) {
            this(library, data, new java.util.ArrayList<>(0));
        }
    }
}
