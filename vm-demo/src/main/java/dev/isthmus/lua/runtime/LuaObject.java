package dev.isthmus.lua.runtime;

/** A Lua value implemented outside the core types: userdata (file handles) and cdata. */
public interface LuaObject {
    /** {@link LuaType#USERDATA} or {@link LuaType#CDATA}. */
    LuaType luaType();

    /** The metatable Lua sees for this value (may be null). */
    LuaTable metatable();
}
