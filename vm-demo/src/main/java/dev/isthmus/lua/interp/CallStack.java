package dev.isthmus.lua.interp;

import java.util.Arrays;

/**
 * The Lua functions active in one coroutine, innermost last: what {@code getfenv(level)},
 * {@code error} levels and tracebacks look at, and the depth that turns runaway recursion
 * into a Lua "stack overflow" rather than a dead JVM. Each coroutine has its own.
 */
public final class CallStack {
    LuaClosure[] closures = new LuaClosure[64];
    int depth;

    void push(LuaClosure c) {
        if (depth == closures.length) {
            closures = Arrays.copyOf(closures, depth * 2);
        }
        closures[depth++] = c;
    }

    void pop() {
        closures[--depth] = null;
    }

    public int depth() {
        return depth;
    }

    /** The closure {@code level} frames up (1 = the innermost Lua function), or null. */
    public LuaClosure at(int level) {
        int i = depth - level;
        return i >= 0 && i < depth ? closures[i] : null;
    }
}
