package dev.isthmus.lua.interp;

import java.util.Arrays;

/**
 * What a function trace's direct entry and the traces calling it call. A direct entry
 * ({@code body} of a function tree's class, see docs/trace-compiler.md) takes the arguments as
 * JVM values and returns the first result as one: the caller pushes the callee's frame on the
 * call stack but writes none of its slots, and the entry writes them only where it leaves its
 * compiled code (an exit, a failed call, a return other than its own), after which the results
 * are in the value stack from the frame's {@code base - 1} on, {@link CallStack#directResults}
 * of them. Public only because generated classes live in another package.
 */
public final class DirectCalls {
    /**
     * The raw bits of the double a direct entry returning a number returns when its first
     * result is not one: a signalling NaN, which no arithmetic produces (it makes quiet ones),
     * so that only the value stack's {@link CallStack#directResults} decides.
     */
    public static final long IN_SLOTS_BITS = 0x7ff4_0000_dead_beefL;
    private static final double IN_SLOTS = Double.longBitsToDouble(IN_SLOTS_BITS);

    private DirectCalls() {
    }

    /**
     * The callee's frame at {@code base} pushed, its slots left as they are, the value stack
     * made to hold {@code extent} slots from there and its top set {@code size} slots above
     * (the callee's frame extent for the call's arguments and frame size, constants where the
     * trace calls it); returns the stack's top before, for {@link #leave}, or -1, and nothing
     * pushed, when the call may not be direct now (a recording runs, the call stack is full).
     */
    public static int enter(LuaClosure callee, CallStack frames, ValueStack stack, int base, int extent, int size) {
        if (!callee.interpreter().mayEnterDirectly(frames)) {
            return -1;
        }
        int top = stack.top;
        Interpreter.enterFrame(callee, frames, stack, base, extent, size);
        frames.directResults = -1;
        return top;
    }

    /** The frame {@link #enter} pushed taken off, its results taken. */
    public static void leave(CallStack frames, ValueStack stack, int top) {
        frames.pop();
        frames.directResults = -1;
        stack.top = top;
    }

    /** Before a direct entry is called from the function's own {@code run}: no results in the stack yet. */
    public static void expectResults(CallStack frames) {
        frames.directResults = -1;
    }

    /**
     * After a direct entry returning a number returned {@code result}: the number of results it
     * left in the value stack when {@code result} stands for them, or -1 when it is the result.
     */
    public static int resultsInSlots(double result, CallStack frames) {
        return Double.doubleToRawLongBits(result) != IN_SLOTS_BITS ? -1 : frames.directResults;
    }

    /**
     * The frame of a direct entry written as a call leaves it before its first instruction,
     * but for its parameters, which the entry then writes: registers {@code [from, to)} nil.
     */
    public static void clearFrame(ValueStack stack, int base, int from, int to) {
        Arrays.fill(stack.slots, base + from, base + to, null);
    }

    /**
     * The first result of a direct entry that left its compiled code with {@code left} (a pc
     * to resume at, or {@link LoopTrace#RETURNED} and the number of results in the stack):
     * the interpreter finishes the activation if it must, the count of results is noted.
     */
    public static double finishedNumber(int left, LuaClosure closure, CallStack frames, ValueStack stack, int base) {
        int count = finished(left, closure, frames, stack, base);
        if (count > 0) {
            Object v = stack.slots[base - 1];
            if (v == ValueStack.NUMBER) {
                return stack.nums[base - 1];
            } else if (v instanceof Double d) {
                return d;
            }
        }
        return IN_SLOTS;
    }

    /** {@link #finishedNumber} for an entry returning any value: the first result, or nil. */
    public static Object finishedValue(int left, LuaClosure closure, CallStack frames, ValueStack stack, int base) {
        int count = finished(left, closure, frames, stack, base);
        return count > 0 ? TraceAccess.value(stack, base - 1) : null;
    }

    private static int finished(int left, LuaClosure closure, CallStack frames, ValueStack stack, int base) {
        // A callback's frame not pushed while the entry ran (CallStack.deferredBase): it is now, before the interpreter runs in it.
        frames.pushDeferred(closure, base);
        int count = (left & LoopTrace.RETURNED) != 0 ? left & ~LoopTrace.RETURNED
                : closure.interpreter().finishDirectly(closure, frames, stack, base, left, null);
        frames.directResults = count;
        return count;
    }

    /**
     * What the function tree's {@code run} returns after its direct entry returned {@code result}:
     * the results in the stack already, or {@code result} alone written there, with the
     * frame above it cleared up to {@code high}, as RETURN leaves them.
     */
    public static int returnedNumber(double result, CallStack frames, ValueStack stack, int base, int high) {
        int count = takeResults(frames);
        if (count >= 0) {
            return LoopTrace.RETURNED | count;
        }
        stack.nums[base - 1] = result;
        return returnedAlone(ValueStack.NUMBER, stack, base, high);
    }

    /** {@link #returnedNumber} for an entry returning any value. */
    public static int returnedValue(Object result, CallStack frames, ValueStack stack, int base, int high) {
        int count = takeResults(frames);
        return count >= 0 ? LoopTrace.RETURNED | count : returnedAlone(result, stack, base, high);
    }

    /** {@link #returnedNumber} for an entry returning nothing: no result, the frame cleared from {@code base - 1} up to {@code high}. */
    public static int returnedNothing(Object nil, CallStack frames, ValueStack stack, int base, int high) {
        int count = takeResults(frames);
        if (count >= 0) {
            return LoopTrace.RETURNED | count;
        }
        Arrays.fill(stack.slots, base - 1, high, null);
        return LoopTrace.RETURNED;
    }

    private static int takeResults(CallStack frames) {
        int count = frames.directResults;
        frames.directResults = -1;
        return count;
    }

    private static int returnedAlone(Object slot, ValueStack stack, int base, int high) {
        stack.slots[base - 1] = slot;
        Arrays.fill(stack.slots, base, high, null);
        return LoopTrace.RETURNED | 1;
    }

    /**
     * A direct entry's call site with no compiled entry of that shape to call (none yet, flushed,
     * or one taking other types): the call made as the interpreter makes it, in the frame
     * {@link #enter} pushed, its arguments {@code arguments}.
     */
    public static double fallbackNumber(ValueStack stack, int base, LuaClosure closure, CallStack frames, Object[] arguments) {
        int count = closure.interpreter().callEntered(closure, frames, stack, base, arguments);
        return finishedNumber(LoopTrace.RETURNED | count, closure, frames, stack, base);
    }

    /** {@link #fallbackNumber} for an entry returning any value. */
    public static Object fallbackValue(ValueStack stack, int base, LuaClosure closure, CallStack frames, Object[] arguments) {
        int count = closure.interpreter().callEntered(closure, frames, stack, base, arguments);
        return finishedValue(LoopTrace.RETURNED | count, closure, frames, stack, base);
    }
}
