package dev.isthmus.lua.interp;

/**
 * A variable captured by a closure. While the declaring function runs, the upvalue is open
 * and reads the register in that frame, so the function and every closure over the variable
 * see one variable; when the variable goes out of scope it is closed, keeping its last value
 * (Lua 5.1's open/closed upvalues, lfunc.c).
 */
final class Upvalue {
    private Object[] frame;
    private final int register;
    private Object value;
    /** The next open upvalue of the same frame, in decreasing register order. */
    Upvalue nextOpen;

    Upvalue(Object[] frame, int register) {
        this.frame = frame;
        this.register = register;
    }

    int register() {
        return register;
    }

    Object get() {
        Object[] f = frame;
        return f != null ? f[register] : value;
    }

    void set(Object v) {
        Object[] f = frame;
        if (f != null) {
            f[register] = v;
        } else {
            value = v;
        }
    }

    /** The frame grew into a new array: an open upvalue follows it. */
    void moveTo(Object[] grown) {
        if (frame != null) {
            frame = grown;
        }
    }

    void close() {
        value = frame[register];
        frame = null;
    }
}
