package dev.isthmus.lua.ffi;

import dev.isthmus.ffi.NativeLibrary;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * A C library namespace as Lua sees it ({@code ffi.C}, the result of {@code ffi.load}):
 * indexing it with a declared name gives the function, the variable's value or the
 * constant; assigning to a declared variable stores into the library's global.
 */
record Namespace(FfiLibrary library, NativeLibrary nativeLibrary) implements LuaObject, dev.isthmus.lua.runtime.LuaIndexable, dev.isthmus.lua.runtime.FixedIndex {
    @Override
    public Object index(Object key) {
        return library.operations().namespaces().namespaceIndex(this, key);
    }

    /** A function once bound: the namespace keeps it (declarations cannot change), unlike a variable's value. */
    @Override
    public Object fixedValue(Object key) {
        return library.operations().namespaces().boundFunction(this, key);
    }

    @Override
    public void setIndex(Object key, Object value) {
        library.operations().namespaces().namespaceStore(this, key, value);
    }

    @Override
    public LuaType luaType() {
        return LuaType.USERDATA;
    }

    @Override
    public LuaTable metatable() {
        return library.namespaceMetatable();
    }
}
