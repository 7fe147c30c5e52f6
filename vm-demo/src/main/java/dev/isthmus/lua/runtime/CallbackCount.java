package dev.isthmus.lua.runtime;

/**
 * How many times C has called into Lua (an ffi or ctypes callback), counted so that compiled
 * code can assume a native call runs no Lua code and check that it did not: it reads the count
 * before the call and compares after, which costs two loads instead of treating every native
 * call as a possible change to upvalues, tables and metatables. A plain field: a callback runs
 * on the thread of the native call that made it, which reads the count itself.
 */
public final class CallbackCount {
    /** Incremented as each callback is entered; only ever compared for a change. */
    public static int entered;

    private CallbackCount() {
    }

    /** Called as C enters a Lua function. */
    public static void enter() {
        entered++;
    }
}
