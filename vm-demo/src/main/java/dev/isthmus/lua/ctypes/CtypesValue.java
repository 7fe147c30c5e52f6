package dev.isthmus.lua.ctypes;

import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * A Java object of ffi-core's ctypes path seen from Lua as userdata: a library, a function
 * object, a type, an instance (simple value, structure, string buffer), a {@code byref} or
 * a pointer. Its metatable, chosen by kind, gives it the attributes Python users expect.
 */
record CtypesValue(Object java, LuaTable metatable) implements LuaObject {
    @Override
    public LuaType luaType() {
        return LuaType.USERDATA;
    }
}
