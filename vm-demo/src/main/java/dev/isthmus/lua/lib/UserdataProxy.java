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
    /** The userdata's environment ({@code debug.getfenv}): the running thread's when it was made. */
    private LuaTable environment;

    UserdataProxy(LuaTable metatable, LuaTable environment) {
        this.metatable = metatable;
        this.environment = environment;
    }

    LuaTable environment() {
        return environment;
    }

    void setEnvironment(LuaTable environment) {
        this.environment = environment;
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
