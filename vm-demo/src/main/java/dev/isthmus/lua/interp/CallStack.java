package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaString;

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
    /** Per frame, the slot of its register 0 in {@link #values}: what {@code debug.getlocal} reads. */
    int[] bases = new int[64];
    /** Per frame, the metamethod event it runs for ({@code __index}, ...), or null. */
    LuaString[] metamethodEvents = new LuaString[64];
    /** The event the next frame Java enters runs for: set just before a metamethod's call. */
    LuaString pendingMetamethodEvent;

    /** A frame a Lua CALL instruction entered. */
    void push(LuaClosure c, int base) {
        push(c, base, false);
    }

    /** A frame Java entered ({@code pcall(f)}, a callback, the main chunk, a metamethod). */
    void pushFromJava(LuaClosure c, int base) {
        push(c, base, true);
        metamethodEvents[depth - 1] = pendingMetamethodEvent;
        pendingMetamethodEvent = null;
    }

    private void push(LuaClosure c, int base, boolean fromJava) {
        if (depth == closures.length) {
            closures = Arrays.copyOf(closures, depth * 2);
            callPcs = Arrays.copyOf(callPcs, depth * 2);
            calledFromJava = Arrays.copyOf(calledFromJava, depth * 2);
            bases = Arrays.copyOf(bases, depth * 2);
            metamethodEvents = Arrays.copyOf(metamethodEvents, depth * 2);
        }
        calledFromJava[depth] = fromJava;
        bases[depth] = base;
        metamethodEvents[depth] = null;
        closures[depth++] = c;
    }

    /** The registers of this coroutine's frames. */
    public ValueStack values() {
        return values;
    }

    /** The metamethod event the frame {@code level} frames up runs for, or null. */
    public LuaString metamethodEventAt(int level) {
        return metamethodEvents[depth - level];
    }

    /** The value of register {@code register} of the frame {@code level} frames up. */
    public Object registerAt(int level, int register) {
        return values.get(bases[depth - level] + register);
    }

    public void setRegisterAt(int level, int register, Object value) {
        int slot = bases[depth - level] + register;
        values.slots[slot] = value;
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
