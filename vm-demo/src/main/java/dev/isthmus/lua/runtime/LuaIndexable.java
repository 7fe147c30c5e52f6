package dev.isthmus.lua.runtime;

/**
 * A non-table value whose indexing is implemented in Java (cdata): the interpreter calls
 * these directly instead of looking up {@code __index}/{@code __newindex} and calling a Lua
 * function value, which is the same behaviour without an argument array per access.
 */
public interface LuaIndexable {
    Object index(Object key);

    void setIndex(Object key, Object value);
}
