package dev.isthmus.lua.interp;

import java.util.Arrays;

/**
 * The Lua functions active in one coroutine, innermost last: what {@code getfenv(level)},
 * {@code error} levels and tracebacks look at, and the depth that turns runaway recursion
 * into a Lua "stack overflow" rather than a dead JVM. Each coroutine has its own.
 */
public final class CallStack {
    /** The registers of this coroutine's frames. */
    final ValueStack values = new ValueStack();
    LuaClosure[] closures = new LuaClosure[64];
    /** Per frame, the pc of its last call instruction: where a live traceback says it is. */
    int[] callPcs = new int[64];
    int depth;

    /** Per frame, whether Java called it (a library function, a callback, the host) rather than a Lua CALL. */
    boolean[] calledFromJava = new boolean[64];

    /** A frame a Lua CALL instruction entered. */
    void push(LuaClosure c) {
        push(c, false);
    }

    /** A frame Java entered ({@code pcall(f)}, a callback, the main chunk). */
    void pushFromJava(LuaClosure c) {
        push(c, true);
    }

    private void push(LuaClosure c, boolean fromJava) {
        if (depth == closures.length) {
            closures = Arrays.copyOf(closures, depth * 2);
            callPcs = Arrays.copyOf(callPcs, depth * 2);
            calledFromJava = Arrays.copyOf(calledFromJava, depth * 2);
        }
        calledFromJava[depth] = fromJava;
        closures[depth++] = c;
    }

    /** Whether the frame {@code level} frames up was entered from Java. */
    public boolean isCalledFromJava(int level) {
        return calledFromJava[depth - level];
    }

    /** The pc of the call the frame {@code level} frames up is making (1 = the innermost). */
    public int callPcAt(int level) {
        return callPcs[depth - level];
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
