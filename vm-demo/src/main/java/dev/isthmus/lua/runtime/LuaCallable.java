package dev.isthmus.lua.runtime;

/**
 * A non-function Lua value that can be called directly, without a {@code __call} lookup:
 * C functions as {@code ffi.C.name} gives them. The interpreter calls these like Java functions.
 */
public interface LuaCallable {
    Object[] call(Object[] arguments);
}
