package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * An empty userdata made by LuaJIT's (and Lua 5.1's undocumented) {@code newproxy}: no contents,
 * only identity and an optional metatable, which only {@code debug.setmetatable} changes. A
 * class, not a record, so that two proxies are never equal.
 */
final class UserdataProxy implements LuaObject {
    private LuaTable metatable;

    UserdataProxy(LuaTable metatable) {
        this.metatable = metatable;
    }

    @Override
    public LuaType luaType() {
        return LuaType.USERDATA;
    }

    @Override
    public LuaTable metatable() {
        return metatable;
    }

    void setMetatable(LuaTable metatable) {
        this.metatable = metatable;
    }
}
