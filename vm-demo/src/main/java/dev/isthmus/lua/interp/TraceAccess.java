package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * What compiled traces call: the frame's slots, and the interpreter's own semantics for the
 * operations a trace does not inline (metamethod lookups, calls into Java, arithmetic on
 * values other than numbers). Every method does exactly what the interpreter's instruction
 * does, so a trace and the interpreter cannot disagree. Public only because generated classes
 * live in another package; nothing else should call these.
 */
public final class TraceAccess {
    /** The tag of a slot holding an unboxed number. */
    public static final Object NUMBER = ValueStack.NUMBER;

    private TraceAccess() {
    }

    public static Object[] slots(ValueStack stack) {
        return stack.slots;
    }

    public static double[] nums(ValueStack stack) {
        return stack.nums;
    }

    /** Records the pc of the call a trace is making, where tracebacks and {@code debug.getinfo} look. */
    /** Slot {@code slot}'s value, a number boxed. */
    public static Object value(ValueStack stack, int slot) {
        Object v = stack.slots[slot];
        return v == NUMBER ? (Object) stack.nums[slot] : v;
    }

    public static void setCallPc(CallStack frames, int pc) {
        frames.setCallPc(pc);
    }

    /** Before a call a trace makes inside calls it recorded inline: their frames on the call stack, the innermost at {@code pc}. */
    public static void enterInlined(CallStack frames, int base, InlinedFrames inside, int pc) {
        frames.pushInlined(inside, base, pc);
    }

    /** After that call, returned or failed: the frames {@link #enterInlined} pushed taken off. */
    public static void leaveInlined(CallStack frames, int count) {
        frames.popInlined(count);
    }

    /** The value stack made to reach over the inlined frames a trace writes back ({@link InlinedFrames#extent}). */
    public static void reachOver(ValueStack stack, int base, InlinedFrames inside) {
        stack.ensure(base + inside.extent());
    }

    /**
     * Whether an inner loop's trace, run by a trace from inside calls it recorded inline or
     * not, stopped at {@code pc} of its own function where the recording saw the loop end, rather
     * than elsewhere or inside calls of its own.
     */
    public static boolean innerLoopEnded(CallStack frames, int pc, int expected) {
        return pc == expected && frames.leftInside == null && frames.completedCall < 0;
    }

    /**
     * A trace leaves from an inner loop's trace it ran inside calls it recorded inline
     * ({@code inside}): the interpreter told to finish those calls, and the ones the inner
     * trace left inside, if any, above them.
     */
    public static void leaveLoopInside(CallStack frames, ValueStack stack, int base, InlinedFrames inside) {
        InlinedFrames inner = frames.leftInside;
        leaveInside(frames, stack, base, inner == null ? inside : inside.then(inner));
    }

    /**
     * A trace leaves inside calls it recorded inline: the value stack made to reach over their
     * frames, which the trace writes next, and the interpreter told to finish the calls.
     */
    public static void leaveInside(CallStack frames, ValueStack stack, int base, InlinedFrames inside) {
        reachOver(stack, base, inside);
        frames.leftInside = inside;
    }

    /**
     * A trace leaves where the call at the pc it returns has just returned {@code results}
     * results, which it writes from the call's register {@code A} on: the interpreter completes
     * that call with them rather than making it (open results the next instruction takes).
     */
    public static void completeCall(CallStack frames, int results) {
        frames.completedCall = results;
    }

    /** GETGLOBAL. */
    public static Object global(LuaClosure closure, Object key) {
        LuaTable env = closure.environment;
        Object v = env.get(key);
        if (v == null && env.metatable() != null) {
            v = closure.interpreter().semantics().index(env, key);
        }
        return v;
    }

    /** The table a closure's globals are in ({@code setfenv} may change it). */
    public static LuaTable environment(LuaClosure closure) {
        return closure.environment;
    }

    /** SETGLOBAL. */
    public static void setGlobal(LuaClosure closure, Object key, Object value) {
        LuaTable env = closure.environment;
        if (env.metatable() == null) {
            env.put(key, value);
        } else {
            closure.interpreter().semantics().setIndex(env, key, value);
        }
    }

    /**
     * Upvalue {@code index} of {@code closure}, which the methods below read and write. A trace
     * that knows the closure (a guarded or inlined one) holds the upvalue as a constant instead,
     * while the variables are fixed ({@code debug.upvaluejoin} fails its fixed-variables guard
     * before giving a closure another upvalue): no reads of the closure's upvalue array then.
     * Typed Object, as the upvalue's class is this package's.
     */
    public static Object upvalueOf(LuaClosure closure, int index) {
        return closure.upvalues[index];
    }

    public static Object upvalueIn(Object upvalue) {
        return ((Upvalue) upvalue).get();
    }

    public static void setUpvalueIn(Object upvalue, Object value) {
        ((Upvalue) upvalue).set(value);
    }

    /** Whether the upvalue holds a number: the guard of a trace's unboxed read of it. */
    public static boolean isNumberIn(Object upvalue) {
        return ((Upvalue) upvalue).isNumber();
    }

    /** The upvalue's number, after {@link #isNumberIn}. */
    public static double numberIn(Object upvalue) {
        return ((Upvalue) upvalue).number();
    }

    /** The upvalue = {@code value}, unboxed: a trace's store of a number allocates nothing. */
    public static void setNumberIn(Object upvalue, double value) {
        ((Upvalue) upvalue).setNumber(value);
    }

    /**
     * The register of the frame at {@code base} ({@code frameSize} registers) that upvalue
     * {@code index} of {@code closure} is open on, or -1: for the recorder, which must treat
     * such an upvalue as that register.
     */
    public static int openUpvalueRegister(LuaClosure closure, int index, ValueStack stack, int base, int frameSize) {
        int slot = closure.upvalues[index].openSlotOn(stack);
        int register = slot - base;
        return slot >= 0 && register >= 0 && register < frameSize ? register : -1;
    }

    /** Whether upvalue {@code index} of {@code closure} is still open on slot {@code slot} of {@code stack}. */
    public static boolean upvalueOpenAt(LuaClosure closure, int index, ValueStack stack, int slot) {
        return closure.upvalues[index].openSlotOn(stack) == slot;
    }

    /** {@code t[k]} with every metamethod, for values that are not tables without a metatable. */
    public static Object index(LuaClosure closure, Object object, Object key) {
        return closure.interpreter().semantics().index(object, key);
    }

    /** {@code t[k] = v} with every metamethod. */
    public static void setIndex(LuaClosure closure, Object object, Object key, Object value) {
        closure.interpreter().semantics().setIndex(object, key, value);
    }

    /** A raw store with a number key into a table without a metatable, as SETTABLE does it. */
    public static void rawSetNumberKey(LuaTable table, double key, Object value) {
        checkNumberKey(key);
        table.put(key, value);
    }

    private static void checkNumberKey(double key) {
        if (Double.isNaN(key)) {
            throw new LuaError("table index is NaN");
        }
    }

    /** {@link #rawSetNumberKey} of a number value, which the table holds unboxed. */
    public static void rawSetNumbers(LuaTable table, double key, double value) {
        checkNumberKey(key);
        table.putNumber(key, value);
    }

    /** {@link #rawSet} of a number value, which the table holds unboxed. */
    public static void rawSetNumberValue(LuaTable table, Object key, double value) {
        LuaSemantics.checkStoreKey(key);
        table.putNumber(key, value);
    }

    /** A raw store with any other key, as SETTABLE does it (nil and NaN keys raise). */
    public static void rawSet(LuaTable table, Object key, Object value) {
        LuaSemantics.rawSet(table, key, value);
    }

    /** Arithmetic on values that are not both numbers: coercion and metamethods. {@code op} is {@link LuaSemantics.Arith}'s ordinal. */
    public static Object arith(LuaClosure closure, int op, Object x, Object y) {
        LuaSemantics semantics = closure.interpreter().semantics();
        LuaSemantics.Arith arith = LuaSemantics.Arith.values()[op];
        return arith == LuaSemantics.Arith.UNM ? semantics.unaryMinus(x) : semantics.arith(arith, x, y);
    }

    public static boolean equal(LuaClosure closure, Object x, Object y) {
        return closure.interpreter().semantics().equal(x, y);
    }

    public static boolean lessThan(LuaClosure closure, Object x, Object y) {
        return closure.interpreter().semantics().lessThan(x, y);
    }

    public static boolean lessEqual(LuaClosure closure, Object x, Object y) {
        return closure.interpreter().semantics().lessEqual(x, y);
    }

    /** {@code #v} for values other than tables and strings. */
    public static Object length(LuaClosure closure, Object v) {
        return closure.interpreter().semantics().length(v);
    }

    /** A value stored in a slot of the frame, for a call that takes its arguments there. */
    public static void setSlot(ValueStack stack, int slot, Object value) {
        Object[] slots = stack.slots;
        // Often the value the slot holds already (the function of a recursive call): then no
        // reference store, with its array store check and card mark.
        if (slots[slot] != value) {
            slots[slot] = value;
        }
    }

    /** A number stored unboxed in a slot of the frame. */
    public static void setNumberSlot(ValueStack stack, int slot, double value) {
        stack.nums[slot] = value;
        Object[] slots = stack.slots;
        if (slots[slot] != NUMBER) {
            slots[slot] = NUMBER;
        }
    }

    /** A trace's call of a Lua function whose function and arguments it placed from {@code fn} on (see {@code IrOp.CALLL}). */
    public static void callLua(LuaClosure callee, CallStack frames, ValueStack stack, int fn, int argc, int wanted) {
        callee.interpreter().callFromTrace(callee, frames, stack, fn, argc, wanted);
    }

    /**
     * The function trace a trace's call of {@code callee} runs directly, or null when the
     * interpreter makes the call: the trace enters the frame ({@link #enterDirectly}), runs the
     * callee's trace there, and leaves it ({@link #leaveDirectly} or {@link #failedDirectly}).
     */
    public static LoopTrace directCallee(LuaClosure callee, CallStack frames) {
        return callee.interpreter().directCallee(callee, frames);
    }

    /** The frame of a direct call at {@code base} pushed and cleared; returns the stack's top before, for {@link #leaveDirectly}. */
    public static int enterDirectly(LuaClosure callee, CallStack frames, ValueStack stack, int base, int argc) {
        int top = stack.top;
        callee.interpreter().enterDirectly(callee, frames, stack, base, argc);
        return top;
    }

    /**
     * {@link #enterDirectly} but for the clearing of the callee's locals, which the trace then
     * makes itself (the callee and the number of arguments being constants there).
     */
    public static int enterFrame(LuaClosure callee, CallStack frames, ValueStack stack, int base, int argc) {
        int top = stack.top;
        Interpreter.enterFrame(callee, frames, stack, base, argc);
        return top;
    }

    /**
     * A direct call's trace returned {@code pc}: when it made the return with the results
     * wanted, only the frame popped (kept this small so that C2 inlines it into the trace);
     * otherwise the interpreter finishes the activation and the results are adjusted.
     */
    public static void leaveDirectly(int pc, LuaClosure callee, CallStack frames, ValueStack stack, int fn, int wanted, int top) {
        // (Results a direct entry left in the stack, DirectCalls, are taken now.)
        frames.directResults = -1;
        if (pc == (LoopTrace.RETURNED | wanted)) {
            frames.pop();
            stack.top = top;
            return;
        }
        finishDirectly(pc, null, callee, frames, stack, fn, wanted, top);
    }

    /**
     * A direct call's trace threw {@code thrown}: a call it made failed ({@link TraceCallFailure}),
     * which the interpreter raises in the callee's activation as it would have, or anything
     * else, which leaves the callee's frame as it is.
     */
    public static void failedDirectly(Throwable thrown, LuaClosure callee, CallStack frames, ValueStack stack, int fn, int wanted, int top)
            throws Throwable {
        frames.directResults = -1;
        if (!(thrown instanceof TraceCallFailure failure)) {
            frames.pop();
            stack.top = top;
            throw thrown;
        }
        finishDirectly(failure.pc(), failure.getCause(), callee, frames, stack, fn, wanted, top);
    }

    /**
     * The rest of a direct call its trace did not complete with the results wanted: the
     * interpreter finishes the activation from {@code pc} (raising {@code failure} there, when
     * not null) unless the trace made the return, the frame is popped, the results adjusted.
     */
    private static void finishDirectly(int pc, Throwable failure, LuaClosure callee, CallStack frames, ValueStack stack, int fn, int wanted,
                                       int top) {
        int results;
        try {
            results = (pc & LoopTrace.RETURNED) != 0 ? pc & ~LoopTrace.RETURNED
                    : callee.interpreter().finishDirectly(callee, frames, stack, fn + 1, pc, failure);
        } finally {
            frames.pop();
            stack.top = top;
        }
        Interpreter.adjustResults(stack, fn, results, wanted);
    }

    /** The metatable strings share ({@code string} as {@code __index}, unless a script replaced it). */
    public static LuaTable stringMetatable(LuaClosure closure) {
        return closure.interpreter().semantics().metatable(dev.isthmus.lua.runtime.LuaString.EMPTY);
    }

    /** Slot {@code from}'s value copied to slot {@code to}, a number unboxed. */
    public static void copySlot(ValueStack stack, int from, int to) {
        stack.slots[to] = stack.slots[from];
        stack.nums[to] = stack.nums[from];
    }

    /**
     * A function trace's own return, its {@code count} results in place from {@code base - 1}:
     * the frame above them cleared up to {@code high}, as RETURN clears it.
     */
    public static int returned(ValueStack stack, int base, int count, int high) {
        java.util.Arrays.fill(stack.slots, base - 1 + count, high, null);
        return LoopTrace.RETURNED | count;
    }

    /** Calls a function that is not a Lua closure, for its first result (null when none). */
    public static Object callForFirst(LuaClosure closure, Object f, Object[] arguments) {
        Object[] results = callForResults(closure, f, arguments);
        return results.length == 0 ? null : results[0];
    }

    /** Result {@code i} of a call's {@code results}: nil past the last, as the interpreter pads them. */
    public static Object resultAt(Object[] results, int i) {
        return i < results.length ? results[i] : null;
    }

    /** Calls a function that is not a Lua closure, for all its results, as the interpreter's CALL does. */
    public static Object[] callForResults(LuaClosure closure, Object f, Object[] arguments) {
        if (f instanceof dev.isthmus.lua.runtime.LuaCallable callable) {
            return callable.call(arguments);
        }
        if (f instanceof LuaFunction fn) {
            try {
                return fn.call(arguments);
            } catch (StackOverflowError e) {
                throw new LuaError("stack overflow");
            }
        }
        return closure.interpreter().semantics().call(f, arguments);
    }

    /**
     * {@code R(first) .. ... .. R(first + n - 1)} of the frame at {@code base}, as CONCAT does
     * it; an operand error names the register it came from, as the interpreter's does.
     */
    public static Object concat(LuaClosure closure, int base, int first, Object[] values) {
        try {
            return closure.interpreter().semantics().concat(values, 0, values.length - 1);
        } catch (LuaSemantics.OperandError e) {
            throw new LuaSemantics.OperandError(base + first + e.operand, e.action, e.value);
        }
    }

    /** {@code next(t, k)}: the entry after key {@code k}, or null at the end ({@code k} not in {@code t} raises). */
    public static LuaTable.Entry next(LuaTable table, Object key) {
        return table.next(key);
    }
}
