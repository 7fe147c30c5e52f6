package dev.isthmus.lua.runtime;

/** A Lua function implemented in Java: a library function such as {@code print} or {@code string.find}. */
public final class JavaFunction extends LuaFunction {
    /** The function's behaviour: arguments in, results out. */
    @FunctionalInterface
    public interface Body {
        Object[] call(Object[] arguments);
    }

    private final String name;
    private final Body body;

    public JavaFunction(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public Object[] call(Object[] arguments) {
        return body.call(arguments);
    }

    @Override
    public String name() {
        return name;
    }
}
