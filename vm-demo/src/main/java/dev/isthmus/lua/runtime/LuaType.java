package dev.isthmus.lua.runtime;

/**
 * The Lua type of a Java value, as {@code type()} names it. The VM's value representation:
 * nil is {@code null}, booleans {@link Boolean}, numbers {@link Double}, strings
 * {@link LuaString}, tables {@link LuaTable}, functions {@link LuaFunction}, coroutines
 * {@link Coroutine}; cdata and userdata implement {@link LuaObject}.
 */
public enum LuaType {
    NIL("nil"), BOOLEAN("boolean"), NUMBER("number"), STRING("string"), TABLE("table"),
    FUNCTION("function"), USERDATA("userdata"), THREAD("thread"), CDATA("cdata");

    private final String luaName;
    private final LuaString luaString;

    LuaType(String luaName) {
        this.luaName = luaName;
        this.luaString = LuaString.of(luaName);
    }

    public String luaName() {
        return luaName;
    }

    public LuaString luaString() {
        return luaString;
    }

    public static LuaType of(Object value) {
        return switch (value) {
            case null -> NIL;
            case Boolean b -> BOOLEAN;
            case Double d -> NUMBER;
            case LuaString s -> STRING;
            case LuaTable t -> TABLE;
            case LuaFunction f -> FUNCTION;
            case Coroutine c -> THREAD;
            case LuaObject o -> o.luaType();
            default -> throw new IllegalStateException("not a Lua value: " + value.getClass().getName());
        };
    }

    public static boolean isFalsy(Object value) {
        return value == null || value == Boolean.FALSE;
    }
}
