package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;

import java.util.Arrays;

/**
 * The registers of every active Lua frame of one coroutine, as one growing stack (lstate.h's
 * stack in PUC Lua): a frame is a base index, a call's arguments are already the callee's
 * first registers, and its results land where the function value was. A slot holds any Lua
 * value as an object, or a number unboxed: {@link #NUMBER} in {@link #slots} and the value in
 * {@link #nums}. Arithmetic and numeric loops therefore allocate nothing; a number is boxed
 * only when it leaves the registers (into a table, an upvalue's closed cell, a Java library).
 * <p>
 * The arrays are replaced when the stack grows, so a frame's interpreter activation reloads
 * them after anything that can run Lua code.
 */
public final class ValueStack {
    /** The tag of a slot whose number is in {@link #nums}; never visible to Lua code. */
    static final Object NUMBER = LuaFunction.UNBOXED_NUMBER;
    /** Slots beyond which deep recursion on open results is a "stack overflow" (as LuaJIT's LJ_STACK_MAX). */
    private static final int LIMIT = 8_000_000;
    private static final int INITIAL = 256;
    /**
     * Test mode: every {@link #ensure} moves the stack to new arrays, so an activation that
     * kept using an array it should have reloaded reads or writes stale slots and fails.
     * Past {@link #STRESS_EVERY_BEYOND} slots fewer do, one in every {@code needed / 1024}, so
     * that a recursion to a stack overflow costs linear time, not quadratic (a move copies it all).
     */
    static final boolean MOVE_ALWAYS = Boolean.getBoolean("isthmus.lua.stackStress");
    private static final int STRESS_EVERY_BEYOND = 1 << 12;
    private int ensures;

    Object[] slots;
    double[] nums;
    /** The first slot above the innermost active frame: where a call from Java places its frame. */
    int top;
    /** The highest slot a frame has reached since the last unwinding: what an error leaves to clear. */
    int highWater;

    ValueStack() {
        slots = new Object[INITIAL];
        nums = new double[INITIAL];
    }

    /** Makes slots {@code [0, needed)} exist. */
    void ensure(int needed) {
        if (needed > slots.length || MOVE_ALWAYS && (needed < STRESS_EVERY_BEYOND || ++ensures % (needed >> 10) == 0)) {
            grow(needed);
        }
        if (needed > highWater) {
            highWater = needed;
        }
    }

    private void grow(int needed) {
        if (needed > LIMIT) {
            throw new LuaError("stack overflow");
        }
        boolean exact = MOVE_ALWAYS && needed < STRESS_EVERY_BEYOND || needed <= slots.length;
        int capacity = exact ? Math.max(needed, slots.length) : Math.max(needed + 16, Math.min(LIMIT, slots.length * 2));
        slots = Arrays.copyOf(slots, capacity);
        nums = Arrays.copyOf(nums, capacity);
    }

    /**
     * The value in slot {@code i}, a number boxed. The box replaces the tag in the slot, so a
     * register read as an object again (an index into cdata in a loop body) is boxed once.
     */
    public Object get(int i) {
        Object v = slots[i];
        if (v == NUMBER) {
            v = nums[i];
            slots[i] = v;
        }
        return v;
    }

    /** Boxes the unboxed numbers in {@code [from, to)} in place, for code that reads slots as objects. */
    void boxRange(int from, int to) {
        Object[] s = slots;
        for (int i = from; i < to; i++) {
            if (s[i] == NUMBER) {
                s[i] = nums[i];
            }
        }
    }

    /** The {@code count} values from slot {@code from} as an argument or result array. */
    Object[] copyOut(int from, int count) {
        Object[] values = new Object[count];
        Object[] s = slots;
        for (int i = 0; i < count; i++) {
            Object v = s[from + i];
            values[i] = v == NUMBER ? (Object) nums[from + i] : v;
        }
        return values;
    }

    /**
     * A Java function's results placed at slot {@code at}, adjusted to {@code wanted} values (nil
     * for missing ones), and the slots after them up to {@code clearTo} (the arguments) dropped:
     * dead temporaries must not keep objects reachable (finalizers run when LuaJIT's would).
     */
    void place(Object[] values, int at, int wanted, int clearTo) {
        int placed = Math.min(wanted, values.length);
        System.arraycopy(values, 0, slots, at, placed);
        clear(at + placed, Math.max(at + wanted, clearTo));
    }

    /** Drops the values in {@code [from, to)}, so dead registers keep nothing reachable. */
    void clear(int from, int to) {
        if (from < to) {
            Arrays.fill(slots, from, to, null);
        }
    }
}
