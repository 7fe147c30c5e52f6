package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * A variable captured by a closure. While the declaring function runs, the upvalue is open
 * and reads the slot of that frame on the coroutine's {@link ValueStack}, so the function and
 * every closure over the variable see one variable; when the variable goes out of scope it is
 * closed, keeping its last value (Lua 5.1's open/closed upvalues, lfunc.c). Numbers move
 * between slot and upvalue unboxed.
 *
 * <p>An upvalue is also the userdata {@code debug.upvalueid} returns: LuaJIT's is a light
 * userdata holding the upvalue's address, equal for closures sharing the variable, with no
 * contents and no metatable of its own.
 */
final class Upvalue implements LuaObject {
    private ValueStack stack;
    private final int slot;
    /** The closed value, or {@link ValueStack#NUMBER} with the number in {@link #number}. */
    private Object value;
    private double number;
    /** The next open upvalue of the same frame, in decreasing slot order. */
    Upvalue nextOpen;

    Upvalue(ValueStack stack, int slot) {
        this.stack = stack;
        this.slot = slot;
    }

    /** A closed upvalue holding nil: what a function loaded from a binary chunk starts with. */
    static Upvalue closedNil() {
        return new Upvalue(null, -1);
    }

    /** The absolute stack slot of an open upvalue. */
    int slot() {
        return slot;
    }

    /** The slot this upvalue is open on when it is open on {@code on}, else -1. */
    int openSlotOn(ValueStack on) {
        return stack == on && stack != null ? slot : -1;
    }

    Object get() {
        ValueStack st = stack;
        if (st != null) {
            return st.get(slot);
        }
        return value == ValueStack.NUMBER ? (Object) number : value;
    }

    /** Copies the value into register slot {@code i} without boxing a number. */
    void copyTo(Object[] s, double[] n, int i) {
        ValueStack st = stack;
        if (st != null) {
            s[i] = st.slots[slot];
            n[i] = st.nums[slot];
        } else {
            s[i] = value;
            n[i] = number;
        }
    }

    /** Assigns the value in register slot {@code i} without boxing a number. */
    void copyFrom(Object[] s, double[] n, int i) {
        ValueStack st = stack;
        if (st != null) {
            st.slots[slot] = s[i];
            st.nums[slot] = n[i];
        } else {
            value = s[i];
            number = n[i];
        }
    }

    /** Whether the value is a number, boxed or not: what a trace reading it unboxed checks first. */
    boolean isNumber() {
        ValueStack st = stack;
        return Interpreter.isNumber(st != null ? st.slots[slot] : value);
    }

    /** The value, which {@link #isNumber} found a number, without boxing it. */
    double number() {
        ValueStack st = stack;
        return st != null ? Interpreter.number(st.slots[slot], st.nums, slot) : value == ValueStack.NUMBER ? number : (Double) value;
    }

    /** Assigns a number without boxing it. */
    void setNumber(double n) {
        ValueStack st = stack;
        if (st != null) {
            // Mostly a number replacing a number (a counter): no reference store, no card marked.
            if (st.slots[slot] != ValueStack.NUMBER) {
                st.slots[slot] = ValueStack.NUMBER;
            }
            st.nums[slot] = n;
        } else {
            value = ValueStack.NUMBER;
            number = n;
        }
    }

    void set(Object v) {
        ValueStack st = stack;
        if (st != null) {
            st.slots[slot] = v;
        } else {
            value = v;
        }
    }

    void close() {
        value = stack.slots[slot];
        number = stack.nums[slot];
        stack = null;
    }

    @Override
    public LuaType luaType() {
        return LuaType.USERDATA;
    }

    @Override
    public LuaTable metatable() {
        return null;
    }
}
