package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.LuaSemantics.Arith;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaCallable;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaExit;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;
import dev.isthmus.lua.runtime.SingleResultCallable;

import java.util.Arrays;

/**
 * Executes register bytecode. A frame's registers are slots of the coroutine's
 * {@link ValueStack} from its base; a Lua call runs in a Java activation of {@link #run}
 * with the callee's base just above the function slot, so its arguments are already in
 * place and its results come back where the function was (PUC Lua's calling convention).
 * Tail calls reuse the frame inside the same activation, so tail recursion runs in constant
 * Java stack. Numbers stay unboxed in the slots. Errors raised by operations get the
 * {@code chunk:line:} prefix and operand names here, where the pc is known.
 * <p>
 * A test instruction (EQ, LT, LE, TEST) is always followed by a JMP, which the test performs
 * itself when the condition selects it, as PUC Lua's {@code dojump} does: one dispatch
 * instead of two. The observer sees the test, not that JMP.
 */
public final class Interpreter {
    /** Lua frames deeper than this raise "stack overflow" (LuaJIT's limit is in the same range). */
    static final int MAX_DEPTH = 40_000;
    private static final Object[] NO_VARARGS = new Object[0];
    private static final Object NUMBER = ValueStack.NUMBER;
    private static final Arith[] ARITH = {Arith.ADD, Arith.SUB, Arith.MUL, Arith.DIV, Arith.MOD, Arith.POW};

    /** What {@link #enter} returns: every result as an array, the first alone, or the first with a number unboxed. */
    private static final int ALL_RESULTS = 0;
    private static final int FIRST_RESULT = 1;
    private static final int FIRST_RESULT_UNBOXED = 2;

    /** The value of a number result {@link #enter} returned unboxed, kept until the next such return. */
    private double numberResult;

    private final LuaSemantics semantics;
    private CallStack callStack = new CallStack();
    InstructionObserver observer;
    /**
     * Set from another thread (Ctrl-C at the command line) to stop the running Lua code with
     * the error "interrupted!" at its next interpreted loop iteration, as luajit's SIGINT hook
     * does. One volatile read per interpreted iteration; compiled loops look at
     * {@link PendingInterrupts}, which costs them nothing until a request is made.
     */
    volatile boolean interruptRequested;
    /** Sets or withdraws the request, telling compiled loops ({@link PendingInterrupts}). */
    void setInterruptRequested(boolean requested) {
        synchronized (PendingInterrupts.class) {
            PendingInterrupts.changed(interruptRequested, requested);
            interruptRequested = requested;
        }
    }

    /** The trace compiler told of hot loops, or null when the JIT is off. */
    LoopCompiler loopCompiler;

    Interpreter(LuaRuntime runtime) {
        this.semantics = runtime.semantics();
    }

    CallStack callStack() {
        return callStack;
    }

    LuaSemantics semantics() {
        return semantics;
    }

    /** Coroutine switches swap call stacks, since each coroutine has its own. */
    void setCallStack(CallStack stack) {
        this.callStack = stack;
    }

    /** Calls a closure from Java. */
    Object[] call(LuaClosure closure, Object[] arguments) {
        return (Object[]) enter(closure, arguments, arguments.length, null, 0, null, 0, ALL_RESULTS);
    }

    /**
     * Calls a closure from Java for its first result alone (null when none): a callback from
     * C wants no more, and this way gets it without a result array.
     */
    Object callForFirstResult(LuaClosure closure, Object[] arguments) {
        return enter(closure, arguments, arguments.length, null, 0, null, 0, FIRST_RESULT);
    }

    /**
     * A callback's call on one or two arguments, numbers unboxed both ways
     * ({@link LuaFunction#callbackResultOf}): a number result comes back as
     * {@link ValueStack#NUMBER} with its value in {@link #numberResult}.
     */
    Object callbackResultOf(LuaClosure closure, int count, Object first, double firstNumber, Object second, double secondNumber) {
        return enter(closure, null, count, first, firstNumber, second, secondNumber, FIRST_RESULT_UNBOXED);
    }

    /** The number result the last {@link #callbackResultOf} returned as {@link ValueStack#NUMBER}. */
    double numberResult() {
        return numberResult;
    }

    /**
     * Runs a closure entered from Java on {@code count} arguments, from {@code arguments} or,
     * when that is null, {@code first} and {@code second} (a callback's one or two, without an
     * array; either may be {@link ValueStack#NUMBER} with its number beside it), with its frame
     * above the innermost active one and tracked on the call stack; "stack overflow" past the
     * call stack's depth limit. Returns what {@code results} asks for ({@link #ALL_RESULTS},
     * ...). When an error unwinds through here, the slots of the frames it abandoned are cleared.
     */
    Object enter(LuaClosure closure, Object[] arguments, int count, Object first, double firstNumber,
                 Object second, double secondNumber, int results) {
        CallStack frames = callStack;
        ValueStack st = frames.values;
        Prototype p = closure.prototype;
        int fixed = p.firstClearedRegister(count);
        Object[] varargs = p.isVararg() && count > p.parameterCount()
                ? javaVarargs(p, arguments, count, boxed(first, firstNumber), boxed(second, secondNumber)) : NO_VARARGS;
        int base = pushFromJava(closure, frames, st, arguments, fixed, first, firstNumber, second, secondNumber);
        boolean completed = false;
        try {
            clearLocals(closure.prototype, st, base, fixed);
            int returned = functionTraceOf(p) instanceof CompiledLoop trace
                    ? runFunctionTrace(closure, trace.code(), st, base, varargs, frames)
                    : execute(closure, st, base, varargs, 0, ENTERED, null);
            Object value = resultsOf(st, base, returned, results);
            completed = true;
            return value;
        } finally {
            popFromJava(frames, st, base, completed);
        }
    }

    /**
     * A callback's call ({@link #callbackResultOf}) run by {@code code}, the closure's function
     * trace, which {@link CallbackEntry} bound into the callback's handle: the frame set up as
     * {@link #enter} sets it up and the trace run on it with no lookup of the trace. While a
     * recording is in progress, or with the call stack full, the call goes to {@link #enter}
     * after all.
     *
     * <p>Why it repeats {@link #pushFromJava}, {@link #clearLocals} and {@link #runTrace} inline
     * instead of calling them: the JVM compiles the upcall, this method and the trace's call as
     * one piece of code only while this method compiles small; calling those (which the
     * interpreter's other paths also compile on their own) left each call of a comparator
     * going through five compiled methods. Only the trace's return is done here; a trace that
     * leaves its function before its return goes to {@link #finishCallbackTrace}.
     */
    Object callbackIntoTrace(LuaClosure closure, LoopTrace code, boolean argumentsStayInCall, int count, Object first,
                             double firstNumber, Object second, double secondNumber) {
        CallStack frames = callStack;
        if (observer != null || frames.depth >= frames.depthLimit) {
            return callbackResultOf(closure, count, first, firstNumber, second, secondNumber);
        }
        ValueStack st = frames.values;
        Prototype p = closure.prototype;
        int fixed = p.firstClearedRegister(count);
        int base = st.top + 1;
        int extent = base + p.frameSize();
        st.ensure(Math.max(extent, base + fixed));
        Object[] s = st.slots;
        if (fixed > 0) {
            s[base] = first;
            st.nums[base] = firstNumber;
            if (fixed > 1) {
                s[base + 1] = second;
                st.nums[base + 1] = secondNumber;
            }
        }
        for (int i = base + fixed; i < extent; i++) {
            s[i] = null;
        }
        frames.pushFromJava(closure, base);
        boolean completed = false;
        try {
            st.top = extent;
            int pc;
            try {
                pc = code.run(st, base, closure, frames);
            } catch (TraceCallFailure f) {
                traceFailure = f.getCause();
                pc = f.pc();
            }
            int returned;
            boolean traceReturned = (pc & LoopTrace.RETURNED) != 0;
            if (traceReturned) {
                traceLeftAt = -1;
                returned = pc & ~LoopTrace.RETURNED;
            } else {
                returned = finishCallbackTrace(closure, st, base, pc, frames);
            }
            Object value = resultsOf(st, base, returned, FIRST_RESULT_UNBOXED);
            completed = true;
            // Returned by the trace itself, which keeps its arguments in the call: the caller may reuse them.
            return traceReturned && argumentsStayInCall && value == NUMBER ? LuaFunction.UNBOXED_NUMBER_ARGUMENTS_FREE : value;
        } finally {
            popFromJava(frames, st, base, completed);
        }
    }

    /**
     * A callback's direct entry (called by its spun method, {@link CallbackMethod}) that left its
     * compiled code with {@code left} (null when it came back with its results in the stack,
     * {@link CallStack#directResults} of them), or, for a call inside that failed
     * ({@link TraceCallFailure}), those of the activation the interpreter finishes by raising
     * the failure as it would have; anything else goes on to the callback's caller. Returns the
     * first result as {@link #callbackResultOf} does; the frame ({@link CallStack#deferredBase}
     * when only noted) is pushed first and popped here.
     */
    Object callbackBodyLeft(Throwable left, LuaClosure closure, CallStack frames, ValueStack st, int base) throws Throwable {
        if (left != null) {
            frames.directResults = -1;
        }
        // What went wrong is raised, or the interpreter finishes, in the callback's frame.
        frames.pushDeferred(closure, base);
        boolean completed = false;
        try {
            int count;
            if (left == null) {
                count = frames.directResults;
            } else if (left instanceof TraceCallFailure failure) {
                count = finishDirectly(closure, frames, st, base, failure.pc(), failure.getCause());
            } else {
                throw left;
            }
            Object value = resultsOf(st, base, count, FIRST_RESULT_UNBOXED);
            completed = true;
            return value;
        } finally {
            frames.directResults = -1;
            popFromJava(frames, st, base, completed);
        }
    }

    /** A callback's function trace that left at {@code pc} (not by its return), finished as {@link #runFunctionTrace} finishes it. */
    private int finishCallbackTrace(LuaClosure closure, ValueStack st, int base, int pc, CallStack frames) {
        return finishFunction(closure, st, base, NO_VARARGS, afterTrace(pc, st, base, frames));
    }

    /**
     * The frame of a closure Java calls, above the innermost active one, pushed on the call
     * stack with its {@code fixed} arguments in place (from {@code arguments} or, when that is
     * null, {@code first} and {@code second}); returns its base. "stack overflow" past the call
     * stack's depth limit.
     */
    private static int pushFromJava(LuaClosure closure, CallStack frames, ValueStack st, Object[] arguments, int fixed,
                                    Object first, double firstNumber, Object second, double secondNumber) {
        if (frames.depth >= frames.depthLimit) {
            throw frames.overflow();
        }
        int base = st.top + 1;
        st.ensure(base + Math.max(fixed, closure.prototype.frameSize()));
        if (arguments != null) {
            System.arraycopy(arguments, 0, st.slots, base, fixed);
        } else if (fixed > 0) {
            st.slots[base] = first;
            st.nums[base] = firstNumber;
            if (fixed > 1) {
                st.slots[base + 1] = second;
                st.nums[base + 1] = secondNumber;
            }
        }
        frames.pushFromJava(closure, base);
        return base;
    }

    /**
     * The frame {@link #pushFromJava} pushed at {@code base} popped, the stack's top back below
     * it; when an error unwinds through here ({@code completed} false), the slots of the
     * frames it abandoned are cleared.
     */
    private static void popFromJava(CallStack frames, ValueStack st, int base, boolean completed) {
        int savedTop = base - 1;
        frames.pop();
        if (!completed) {
            st.clear(savedTop, Math.min(st.highWater, st.slots.length));
            st.highWater = savedTop;
        }
        st.top = savedTop;
    }

    /** What {@link #enter} returns for the {@code returned} results at {@code base - 1} ({@link #ALL_RESULTS}, ...), those slots cleared. */
    private Object resultsOf(ValueStack st, int base, int returned, int results) {
        Object value;
        if (results == ALL_RESULTS) {
            value = returned == 0 ? LuaFunction.NONE : st.copyOut(base - 1, returned);
        } else {
            value = returned == 0 ? null : st.slots[base - 1];
            if (value == NUMBER) {
                // Unboxed, a callback's number result reaches C without a box.
                numberResult = st.nums[base - 1];
                if (results == FIRST_RESULT) {
                    value = numberResult;
                }
            }
        }
        st.clear(base - 1, base - 1 + returned);
        return value;
    }

    /**
     * A Lua-to-Lua call with its function at slot {@code fn} and {@code argc} arguments above it:
     * one Java activation of {@link #run} per Lua call, tracked on the call stack. Returns the
     * number of results, which start at {@code fn}.
     */
    private int callLua(LuaClosure next, CallStack frames, ValueStack st, int fn, int argc) {
        Object[] nextVarargs = varargsOf(next.prototype, st, fn + 1, argc);
        if (frames.depth >= frames.depthLimit) {
            throw frames.overflow();
        }
        frames.push(next, fn + 1);
        try {
            clearLocals(next.prototype, st, fn + 1, argc);
            Prototype p = next.prototype;
            if (functionTraceOf(p) instanceof CompiledLoop trace) {
                return runFunctionTrace(next, trace.code(), st, fn + 1, nextVarargs, frames);
            }
            return execute(next, st, fn + 1, nextVarargs, 0, ENTERED, null);
        } finally {
            frames.pop();
        }
    }

    /** The function trace a call of {@code p} runs, or null: none, or one is being recorded (which the interpreter must run for). */
    private CompiledLoop functionTraceOf(Prototype p) {
        return observer == null && p.loopTraces()[p.functionEntry()] instanceof CompiledLoop trace ? trace : null;
    }

    /**
     * A call run by the callee's function trace, in the frame at {@code base} set up for it. When
     * the trace came to the return, that return is made here, as RETURN makes it; otherwise the
     * interpreter finishes the activation from where the trace left it.
     */
    private int runFunctionTrace(LuaClosure cl, LoopTrace code, ValueStack st, int base, Object[] varargs, CallStack frames) {
        st.top = base + cl.prototype.frameSize();
        int pc = runTrace(code, st, base, cl, frames);
        return (pc & LoopTrace.RETURNED) != 0 ? pc & ~LoopTrace.RETURNED : finishFunction(cl, st, base, varargs, pc);
    }

    /**
     * The activation a function trace left at {@code pc} (other than by making its return): the
     * return there made as RETURN makes it, or the interpreter goes on from there.
     */
    private int finishFunction(LuaClosure cl, ValueStack st, int base, Object[] varargs, int pc) {
        Prototype p = cl.prototype;
        Throwable failure = takeTraceFailure();
        int resumed = takeResumedResults();
        int[] code = p.code();
        int i = pc * 4;
        if (failure != null || resumed >= 0 || code[i] != Op.RETURN || code[i + 2] == 0) {
            return execute(cl, st, base, varargs, pc, resumed, failure);
        }
        traceLeftAt = -1;
        return moveResults(st.slots, st.nums, base, base + code[i + 1], code[i + 2] - 1, base + p.frameSize());
    }

    /**
     * RETURN's move: {@code count} results from slot {@code from} down to {@code base - 1}, where
     * the caller finds them, and the frame above them cleared up to {@code high}.
     */
    private static int moveResults(Object[] s, double[] n, int base, int from, int count, int high) {
        if (count == 1) {
            s[base - 1] = s[from];
            n[base - 1] = n[from];
        } else if (count > 0) {
            System.arraycopy(s, from, s, base - 1, count);
            System.arraycopy(n, from, n, base - 1, count);
        }
        Arrays.fill(s, base - 1 + count, high, null);
        return count;
    }

    /** The {@code ...} of a function called with {@code argc} arguments from slot {@code first}. */
    private static Object[] varargsOf(Prototype p, ValueStack st, int first, int argc) {
        return p.isVararg() && argc > p.parameterCount()
                ? st.copyOut(first + p.parameterCount(), argc - p.parameterCount()) : NO_VARARGS;
    }

    /**
     * A call a trace makes of a Lua function (a recursion it does not record inline), its
     * function and arguments already at {@code fn} and above: run as CALL runs it, by the
     * callee's function trace if it has one, its results adjusted to {@code wanted} from {@code fn} on.
     */
    void callFromTrace(LuaClosure next, CallStack frames, ValueStack st, int fn, int argc, int wanted) {
        int top = st.top;
        adjustResults(st, fn, callLua(next, frames, st, fn, argc), wanted);
        st.top = top;
    }

    /**
     * The function trace a trace's call of {@code next} can run straight away (a direct call,
     * {@code TraceAccess.directCallee}), or null: the callee has one, is not vararg, nothing
     * records, and the call stack has room.
     */
    LoopTrace directCallee(LuaClosure next, CallStack frames) {
        Prototype p = next.prototype;
        return functionTraceOf(p) instanceof CompiledLoop trace && frames.depth < frames.depthLimit && !p.isVararg() ? trace.code() : null;
    }

    /** Whether a trace may call a function trace's direct entry now ({@code DirectCalls.enter}): nothing records, and the call stack has room. */
    boolean mayEnterDirectly(CallStack frames) {
        return observer == null && frames.depth < frames.depthLimit;
    }

    /**
     * A call of {@code next} with {@code arguments}, made as CALL makes it, for a direct entry's
     * call site that has no compiled entry to call: the frame at {@code base} that the site
     * pushed is given back for the call to push as its own, and pushed again after it.
     */
    int callEntered(LuaClosure next, CallStack frames, ValueStack st, int base, Object[] arguments) {
        st.slots[base - 1] = next;
        for (int j = 0; j < arguments.length; j++) {
            st.slots[base + j] = arguments[j];
        }
        frames.pop();
        try {
            return callLua(next, frames, st, base - 1, arguments.length);
        } finally {
            frames.push(next, base);
        }
    }

    /** The frame of a direct call at {@code base}, pushed and cleared as {@link #callLua} makes it. */
    void enterDirectly(LuaClosure next, CallStack frames, ValueStack st, int base, int argc) {
        enterFrame(next, frames, st, base, argc);
        Prototype p = next.prototype;
        st.clear(base + p.firstClearedRegister(argc), base + p.frameExtent(argc));
    }

    /** {@link #enterDirectly} but for the clearing of the locals, left to the caller. */
    static void enterFrame(LuaClosure next, CallStack frames, ValueStack st, int base, int argc) {
        Prototype p = next.prototype;
        enterFrame(next, frames, st, base, p.frameExtent(argc), p.frameSize());
    }

    /** {@link #enterFrame} with the callee's frame extent for the call's arguments and its frame size given (constants in a trace's direct call). */
    static void enterFrame(LuaClosure next, CallStack frames, ValueStack st, int base, int extent, int size) {
        frames.push(next, base);
        st.ensure(base + extent);
        st.top = base + size;
    }

    /**
     * A direct call's activation its trace left at {@code pc} without making the return, or
     * with {@code failure} (a call it made failed): finished as {@link #runFunctionTrace} finishes it.
     */
    int finishDirectly(LuaClosure next, CallStack frames, ValueStack st, int base, int pc, Throwable failure) {
        traceFailure = failure;
        return finishFunction(next, st, base, NO_VARARGS, afterTrace(pc, st, base, frames));
    }

    /** {@code results} values a call left at {@code fn}, adjusted to {@code wanted}, the stack made to hold them. */
    static void adjustResults(ValueStack st, int fn, int results, int wanted) {
        st.ensure(fn + wanted);
        adjustResults(st.slots, fn, results, wanted);
    }

    /** {@code results} values at {@code fn} adjusted to {@code wanted}: nil for missing ones, extra ones dropped. */
    private static void adjustResults(Object[] s, int fn, int results, int wanted) {
        if (results < wanted) {
            Arrays.fill(s, fn + results, fn + wanted, null);
        } else if (results > wanted) {
            Arrays.fill(s, fn + wanted, fn + results, null);
        }
    }

    /** An argument {@link #enter} got as an object or, tagged {@link ValueStack#NUMBER}, as a number. */
    private static Object boxed(Object value, double number) {
        return value == NUMBER ? (Object) number : value;
    }

    /** The arguments a vararg function gets as {@code ...}, from either form {@link #enter} takes. */
    private static Object[] javaVarargs(Prototype p, Object[] arguments, int count, Object first, Object second) {
        Object[] all = arguments != null ? arguments : count == 1 ? new Object[] {first} : new Object[] {first, second};
        return Arrays.copyOfRange(all, p.parameterCount(), count);
    }

    /**
     * A frame entered at {@code base} with {@code argc} arguments in place: missing parameters
     * and the locals start nil, extra arguments are dropped. (Not part of {@link #execute}, so
     * that a Lua call costs one Java activation: a coroutine's recursion depth depends on it.)
     */
    private static void clearLocals(Prototype p, ValueStack st, int base, int argc) {
        st.ensure(base + p.frameExtent(argc));
        st.clear(base + p.firstClearedRegister(argc), base + p.frameExtent(argc));
    }

    /**
     * Runs the frame at {@code base}, whose registers are in place, from instruction
     * {@code pc} to its return; returns the number of results, which it leaves from slot
     * {@code base - 1}. A frame a trace left inside a call it had recorded inline
     * ({@link InlinedFrames}) goes on at that {@code CALL} with the call's {@code resumed}
     * results already at its register {@code A}, or with {@code injected}, the error the call
     * raised, thrown there; -1 and null otherwise, or {@link #ENTERED} for a call just made,
     * which is counted towards a function trace. In the loop, {@code openTop} is the end of
     * the values left by the last open-ended CALL or VARARG (a register number), {@code high}
     * the first slot above everything the frame uses.
     */
    private int execute(LuaClosure cl, ValueStack st, int base, Object[] varargs, int pc, int resumed, Throwable injected) {
        Prototype p = cl.prototype;
        int[] code = p.code();
        Object[] k = p.constants();
        CallStack frames = callStack;
        int extent = base + p.frameSize();
        st.ensure(extent);
        Object[] s = st.slots;
        double[] n = st.nums;
        st.top = extent;
        int high = extent;
        Upvalue openUpvalues = null;
        int openTop = 0;
        if (resumed == ENTERED) {
            resumed = -1;
            if (loopCompiler != null) {
                countCall(cl, base, frames);
            }
        }
        while (true) {
            int i = pc * 4;
            int a = code[i + 1];
            int b = code[i + 2];
            int c = code[i + 3];
            // A call finished for a trace that left inside it is not an instruction run anew.
            if (observer != null && resumed < 0) {
                observer.beforeInstruction(cl, pc, st, base, varargs);
            }
            int current = pc++;
            try {
                if (injected != null) {
                    Throwable failure = injected;
                    injected = null;
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    throw failure instanceof RuntimeException e ? e : new RuntimeException(failure);
                }
                switch (code[i]) {
                    case Op.MOVE -> {
                        s[base + a] = s[base + b];
                        n[base + a] = n[base + b];
                    }
                    case Op.LOADK -> s[base + a] = k[b];
                    case Op.LOADBOOL -> {
                        s[base + a] = b != 0;
                        if (c != 0) {
                            pc++;
                        }
                    }
                    case Op.LOADNIL -> Arrays.fill(s, base + a, base + a + b, null);
                    case Op.GETUPVAL -> cl.upvalues[b].copyTo(s, n, base + a);
                    case Op.GETGLOBAL -> {
                        Object v = TraceAccess.global(cl, k[b]);
                        s = st.slots;
                        n = st.nums;
                        s[base + a] = v;
                    }
                    case Op.GETTABLE -> {
                        Object t = s[base + b];
                        Object v;
                        if (t instanceof LuaTable table) {
                            // A number the table holds unboxed comes into the register unboxed.
                            if (c < 0) {
                                v = table.getInto(k[-1 - c], n, base + a);
                            } else {
                                Object key = s[base + c];
                                v = key == NUMBER ? table.getInto(n[base + c], n, base + a) : table.getInto(key, n, base + a);
                            }
                            if (v != null || table.metatable() == null) {
                                s[base + a] = v;
                                break;
                            }
                        }
                        v = semantics.index(st.get(base + b), c < 0 ? k[-1 - c] : st.get(base + c));
                        s = st.slots;
                        n = st.nums;
                        s[base + a] = v;
                    }
                    case Op.SETGLOBAL -> {
                        TraceAccess.setGlobal(cl, k[b], st.get(base + a));
                        s = st.slots;
                        n = st.nums;
                    }
                    case Op.SETUPVAL -> cl.upvalues[b].copyFrom(s, n, base + a);
                    case Op.SETTABLE -> {
                        Object t = s[base + a];
                        if (c >= 0 && s[base + c] == NUMBER && t instanceof LuaTable table && table.metatable() == null) {
                            // A number register is stored unboxed.
                            if (b >= 0 && s[base + b] == NUMBER) {
                                TraceAccess.rawSetNumbers(table, n[base + b], n[base + c]);
                            } else {
                                TraceAccess.rawSetNumberValue(table, b < 0 ? k[-1 - b] : s[base + b], n[base + c]);
                            }
                            break;
                        }
                        Object v = c < 0 ? k[-1 - c] : st.get(base + c);
                        if (t instanceof LuaTable table && table.metatable() == null) {
                            if (b >= 0 && s[base + b] == NUMBER) {
                                TraceAccess.rawSetNumberKey(table, n[base + b], v);
                            } else {
                                LuaSemantics.rawSet(table, b < 0 ? k[-1 - b] : s[base + b], v);
                            }
                        } else {
                            semantics.setIndex(st.get(base + a), b < 0 ? k[-1 - b] : st.get(base + b), v);
                            s = st.slots;
                            n = st.nums;
                        }
                    }
                    case Op.NEWTABLE -> s[base + a] = new LuaTable(b, c);
                    case Op.SELF -> {
                        Object t = st.get(base + b);
                        Object key = c < 0 ? k[-1 - c] : st.get(base + c);
                        Object v;
                        if (!(t instanceof LuaTable table) || ((v = table.get(key)) == null && table.metatable() != null)) {
                            v = semantics.index(t, key);
                            s = st.slots;
                            n = st.nums;
                        }
                        s[base + a + 1] = t;
                        s[base + a] = v;
                    }
                    case Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.POW -> {
                        Object x = b >= 0 ? s[base + b] : k[-1 - b];
                        Object y = c >= 0 ? s[base + c] : k[-1 - c];
                        if (isNumber(x) && isNumber(y)) {
                            double xv = number(x, n, base + b);
                            double yv = number(y, n, base + c);
                            n[base + a] = switch (code[i]) {
                                case Op.ADD -> xv + yv;
                                case Op.SUB -> xv - yv;
                                case Op.MUL -> xv * yv;
                                case Op.DIV -> xv / yv;
                                case Op.MOD -> LuaSemantics.mod(xv, yv);
                                default -> dev.isthmus.lua.runtime.CMath.pow(xv, yv);
                            };
                            s[base + a] = NUMBER;
                        } else {
                            Object r = semantics.arith(ARITH[code[i] - Op.ADD], box(x, n, base + b), box(y, n, base + c));
                            s = st.slots;
                            n = st.nums;
                            s[base + a] = r;
                        }
                    }
                    case Op.UNM -> {
                        Object x = s[base + b];
                        if (x == NUMBER) {
                            n[base + a] = -n[base + b];
                            s[base + a] = NUMBER;
                        } else if (x instanceof Double d) {
                            n[base + a] = -d;
                            s[base + a] = NUMBER;
                        } else {
                            Object r = semantics.unaryMinus(x);
                            s = st.slots;
                            n = st.nums;
                            s[base + a] = r;
                        }
                    }
                    case Op.NOT -> s[base + a] = LuaType.isFalsy(s[base + b]);
                    case Op.LEN -> {
                        Object x = s[base + b];
                        if (x instanceof LuaTable t) {
                            n[base + a] = t.length();
                            s[base + a] = NUMBER;
                        } else if (x instanceof LuaString str) {
                            n[base + a] = str.length();
                            s[base + a] = NUMBER;
                        } else {
                            Object r = semantics.length(st.get(base + b));
                            s = st.slots;
                            n = st.nums;
                            s[base + a] = r;
                        }
                    }
                    case Op.CONCAT -> {
                        Object r;
                        if (c == b + 1 && isStringOrNumber(s[base + b]) && isStringOrNumber(s[base + c])) {
                            // The common a .. b of strings and numbers: no boxing, no metamethod lookup.
                            r = asString(s[base + b], n[base + b]).concat(asString(s[base + c], n[base + c]));
                        } else {
                            st.boxRange(base + b, base + c + 1);
                            r = semantics.concat(s, base + b, base + c);
                            s = st.slots;
                            n = st.nums;
                        }
                        s[base + a] = r;
                    }
                    case Op.JMP -> pc += b;
                    case Op.EQ, Op.LT, Op.LE -> {
                        Object x = b >= 0 ? s[base + b] : k[-1 - b];
                        Object y = c >= 0 ? s[base + c] : k[-1 - c];
                        boolean r;
                        if (isNumber(x) && isNumber(y)) {
                            double xv = number(x, n, base + b);
                            double yv = number(y, n, base + c);
                            r = code[i] == Op.EQ ? xv == yv : code[i] == Op.LT ? xv < yv : xv <= yv;
                        } else {
                            x = box(x, n, base + b);
                            y = box(y, n, base + c);
                            r = code[i] == Op.EQ ? semantics.equal(x, y) : code[i] == Op.LT ? semantics.lessThan(x, y) : semantics.lessEqual(x, y);
                            s = st.slots;
                            n = st.nums;
                        }
                        pc = r == (a != 0) ? pc + 1 + code[pc * 4 + 2] : pc + 1;
                    }
                    case Op.TEST -> pc = LuaType.isFalsy(s[base + a]) == (c != 0) ? pc + 1 : pc + 1 + code[pc * 4 + 2];
                    case Op.TESTSET -> {
                        if (LuaType.isFalsy(s[base + b]) != (c != 0)) {
                            s[base + a] = s[base + b];
                            n[base + a] = n[base + b];
                        } else {
                            pc++;
                        }
                    }
                    case Op.CALL -> {
                        frames.setCallPc(current);
                        int argumentCount = b != 0 ? b - 1 : openTop - a - 1;
                        int fn = base + a;
                        Object f = s[fn];
                        if (resumed >= 0 || f instanceof LuaClosure) {
                            int results = resumed >= 0 ? resumed : callLua((LuaClosure) f, frames, st, fn, argumentCount);
                            resumed = -1;
                            s = st.slots;
                            n = st.nums;
                            if (c != 0) {
                                adjustResults(s, fn, results, c - 1);
                            } else {
                                openTop = a + results;
                                high = Math.max(high, fn + results);
                            }
                            st.top = high;
                        } else if ((c == 2 || c == 0) && f instanceof JavaFunction library && numericCall(library, s, n, fn, argumentCount)) {
                            st.clear(fn + 1, fn + 1 + argumentCount);
                            if (c == 0) {
                                // One result, left open for the next instruction (f(g(x))).
                                openTop = a + 1;
                                high = Math.max(high, fn + 1);
                                st.top = high;
                            }
                        } else if (c == 2 && oneResultForm(f) instanceof SingleResultCallable single) {
                            st.boxRange(fn + 1, fn + 1 + argumentCount);
                            Object r = single.callForOneResult(s, fn + 1, argumentCount);
                            s = st.slots;
                            n = st.nums;
                            s[fn] = r;
                            st.clear(fn + 1, fn + 1 + argumentCount);
                        } else {
                            Object[] results = invoke(f == NUMBER ? (Object) n[fn] : f, st.copyOut(fn + 1, argumentCount));
                            if (c == 0) {
                                st.ensure(fn + results.length);
                                openTop = a + results.length;
                                high = Math.max(high, fn + results.length);
                                st.top = high;
                            }
                            st.place(results, fn, c != 0 ? c - 1 : results.length, fn + 1 + argumentCount);
                            s = st.slots;
                            n = st.nums;
                        }
                    }
                    case Op.TAILCALL -> {
                        frames.setCallPc(current);
                        int argumentCount = b != 0 ? b - 1 : openTop - a - 1;
                        closeUpvalues(openUpvalues, base);
                        openUpvalues = null;
                        int fn = base + a;
                        Object f = s[fn];
                        if (f instanceof LuaClosure next) {
                            Prototype np = next.prototype;
                            varargs = varargsOf(np, st, fn + 1, argumentCount);
                            int fixed = Math.min(argumentCount, np.parameterCount());
                            System.arraycopy(s, fn + 1, s, base, fixed);
                            System.arraycopy(n, fn + 1, n, base, fixed);
                            cl = next;
                            frames.replaceInnermost(next);
                            p = np;
                            code = p.code();
                            k = p.constants();
                            extent = base + p.frameSize();
                            st.ensure(extent);
                            s = st.slots;
                            n = st.nums;
                            st.clear(base + fixed, Math.max(high, extent));
                            high = extent;
                            st.top = extent;
                            pc = 0;
                            openTop = 0;
                        } else {
                            Object[] results = invoke(f == NUMBER ? (Object) n[fn] : f, st.copyOut(fn + 1, argumentCount));
                            st.ensure(base - 1 + results.length);
                            System.arraycopy(results, 0, st.slots, base - 1, results.length);
                            st.clear(base - 1 + results.length, Math.max(high, base - 1 + results.length));
                            return results.length;
                        }
                    }
                    case Op.RETURN -> {
                        closeUpvalues(openUpvalues, base);
                        return moveResults(s, n, base, base + a, b != 0 ? b - 1 : openTop - a, high);
                    }
                    case Op.FORPREP -> {
                        double start = forNumber(s[base + a], n[base + a], "initial value");
                        double limit = forNumber(s[base + a + 1], n[base + a + 1], "limit");
                        double step = forNumber(s[base + a + 2], n[base + a + 2], "step");
                        n[base + a + 1] = limit;
                        n[base + a + 2] = step;
                        s[base + a] = NUMBER;
                        s[base + a + 1] = NUMBER;
                        s[base + a + 2] = NUMBER;
                        double before = start - step;
                        if (before + step == start && (start != 0 || 1 / start > 0)) {
                            // FORLOOP adds the step back exactly: it makes the first iteration, as
                            // every other, so a compiled loop is entered from the start.
                            n[base + a] = before;
                            pc += b;
                        } else if (LuaSemantics.stepsUp(step) ? start <= limit : start >= limit) {
                            // As LuaJIT's FORI, the first iteration sees the start itself, which
                            // start - step + step is not for some fractions, nor for -0.
                            n[base + a] = start;
                            n[base + a + 3] = start;
                            s[base + a + 3] = NUMBER;
                        } else {
                            n[base + a] = start;
                            pc += b + 1;
                        }
                    }
                    case Op.FORLOOP -> {
                        if (traceToEnter(cl, current, openUpvalues, st, base) instanceof CompiledLoop trace) {
                            pc = runTrace(trace.code(), st, base, cl, frames);
                            injected = takeTraceFailure();
                            resumed = takeResumedResults();
                            s = st.slots;
                            n = st.nums;
                            break;
                        }
                        // The three control slots are hidden from Lua code, so FORPREP's unboxed numbers are still there.
                        double step = n[base + a + 2];
                        double index = n[base + a] + step;
                        double limit = n[base + a + 1];
                        if (LuaSemantics.stepsUp(step) ? index <= limit : index >= limit) {
                            n[base + a] = index;
                            n[base + a + 3] = index;
                            s[base + a + 3] = NUMBER;
                            pc += b;
                            countLoop(cl, current, base);
                        }
                    }
                    case Op.TFORLOOP -> {
                        if (traceToEnter(cl, current, openUpvalues, st, base) instanceof CompiledLoop trace) {
                            pc = runTrace(trace.code(), st, base, cl, frames);
                            injected = takeTraceFailure();
                            resumed = takeResumedResults();
                            s = st.slots;
                            n = st.nums;
                            break;
                        }
                        frames.setCallPc(current);
                        if (s[base + a] instanceof JavaFunction iterator && iterator.iterator() == JavaFunction.Iterator.NEXT
                                && s[base + a + 1] instanceof LuaTable table) {
                            if (PairsStep.advance(table, st, base + a, c)) {
                                pc += b;
                                countLoop(cl, current, base);
                            }
                            break;
                        }
                        // The iterator runs on copies of (f, state, control) at a+3, as in PUC Lua, so
                        // its frame lands on the loop variables it is about to set.
                        int fn = base + a + 3;
                        st.ensure(fn + 3);
                        s = st.slots;
                        n = st.nums;
                        System.arraycopy(s, base + a, s, fn, 3);
                        System.arraycopy(n, base + a, n, fn, 3);
                        Object f = s[fn];
                        if (f instanceof LuaClosure next) {
                            int results = callLua(next, frames, st, fn, 2);
                            adjustResults(st.slots, fn, results, c);
                            st.top = high;
                        } else {
                            st.place(invoke(f == NUMBER ? (Object) n[fn] : f, st.copyOut(fn + 1, 2)), fn, c, fn + 3);
                        }
                        s = st.slots;
                        n = st.nums;
                        if (s[fn] != null) {
                            s[base + a + 2] = s[fn];
                            n[base + a + 2] = n[fn];
                            pc += b;
                            countLoop(cl, current, base);
                        }
                    }
                    case Op.SETLIST -> {
                        int count = b != 0 ? b : openTop - a - 1;
                        LuaTable t = (LuaTable) s[base + a];
                        for (int j = 1; j <= count; j++) {
                            if (s[base + a + j] == NUMBER) {
                                t.putNumber(c + j, n[base + a + j]);
                            } else {
                                t.put(c + j, s[base + a + j]);
                            }
                        }
                    }
                    case Op.CLOSE -> openUpvalues = closeUpvalues(openUpvalues, base + a);
                    case Op.CLOSURE -> {
                        Prototype child = p.prototypes().get(b);
                        Upvalue[] ups = new Upvalue[child.upvalues().size()];
                        for (int u = 0; u < ups.length; u++) {
                            Prototype.UpvalueSource source = child.upvalues().get(u);
                            if (source.fromParentRegister()) {
                                Upvalue found = findOpen(openUpvalues, base + source.index());
                                if (found == null) {
                                    found = new Upvalue(st, base + source.index());
                                    openUpvalues = insertOpen(openUpvalues, found);
                                }
                                ups[u] = found;
                            } else {
                                ups[u] = cl.upvalues[source.index()];
                            }
                        }
                        s[base + a] = new LuaClosure(child, ups, cl.environment, this);
                    }
                    case Op.VARARG -> {
                        if (b != 0) {
                            int wanted = b - 1;
                            for (int j = 0; j < wanted; j++) {
                                s[base + a + j] = j < varargs.length ? varargs[j] : null;
                            }
                        } else {
                            st.ensure(base + a + varargs.length);
                            s = st.slots;
                            n = st.nums;
                            System.arraycopy(varargs, 0, s, base + a, varargs.length);
                            openTop = a + varargs.length;
                            high = Math.max(high, base + openTop);
                            st.top = high;
                        }
                    }
                    case Op.LOOP -> {
                        if (traceToEnter(cl, current, openUpvalues, st, base) instanceof CompiledLoop trace) {
                            pc = runTrace(trace.code(), st, base, cl, frames);
                            injected = takeTraceFailure();
                            resumed = takeResumedResults();
                            s = st.slots;
                            n = st.nums;
                            break;
                        }
                        countLoop(cl, current, base);
                    }
                }
            } catch (LuaSemantics.OperandError e) {
                throw InstructionErrors.traced(frames, InstructionErrors.positioned(InstructionErrors.operandMessage(e, p, current, base, a, b, c), p, current), p, current);
            } catch (LuaArgumentError e) {
                throw InstructionErrors.traced(frames, InstructionErrors.atCallSite(InstructionErrors.argumentError(e, p, current, a), p, current, st.get(base + a)), p, current);
            } catch (LuaError e) {
                throw InstructionErrors.traced(frames, InstructionErrors.atCallSite(InstructionErrors.withPosition(e, p, current), p, current, st.get(base + a)), p, current);
            } catch (StackOverflowError e) {
                throw InstructionErrors.traced(frames, InstructionErrors.javaStackOverflow(frames, p, current), p, current);
            } catch (LinkageError e) {
                // Linking a JDK call site with the stack used up fails with the overflow as its cause.
                if (InstructionErrors.causedByStackOverflow(e)) {
                    throw InstructionErrors.traced(frames, InstructionErrors.javaStackOverflow(frames, p, current), p, current);
                }
                throw e;
            } catch (LuaExit e) {
                throw e;
            } catch (RuntimeException e) {
                // A library's Java failure must not reach the user as a Java exception: it becomes a Lua error here.
                throw InstructionErrors.traced(frames, InstructionErrors.withPosition(LuaError.fromJava(e), p, current), p, current);
            }
        }
    }

    private static boolean allNumbers(Object[] s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isNumber(s[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether an operand (a slot's tag or a constant) is a number, unboxed or not. */
    static boolean isNumber(Object operand) {
        return operand == NUMBER || operand instanceof Double;
    }

    /** The number an operand for which {@link #isNumber} holds stands for; {@code n[slot]} is read only when it is unboxed. */
    static double number(Object operand, double[] n, int slot) {
        return operand == NUMBER ? n[slot] : (Double) operand;
    }

    private static boolean isStringOrNumber(Object tag) {
        return tag == NUMBER || LuaSemantics.isStringOrNumber(tag);
    }

    /** A slot {@link #isStringOrNumber} holds as a string, a number formatted as Lua does ({@code %.14g}). */
    private static LuaString asString(Object tag, double number) {
        return tag == NUMBER ? NumberCoercion.toLuaString(number) : LuaSemantics.toLuaString(tag);
    }

    /** An operand as a Lua value: an unboxed number boxed. */
    private static Object box(Object operand, double[] n, int slot) {
        return operand == NUMBER ? (Object) n[slot] : operand;
    }

    /** The failure of the last trace that failed in a call, until taken. */
    private Throwable traceFailure;

    /**
     * Runs a compiled loop; returns the pc to resume at, or {@code -1 - pc} when a call inside
     * failed at {@code pc} (the frame written back as before that call; the failure kept for
     * {@link #takeTraceFailure}).
     */
    /**
     * The pc the last compiled loop left at. When that is a loop instruction (its own head: a
     * {@code for} entered with a step of the other sign, a {@code for ... in} whose next value has
     * another type; or an inner loop's head), the trace there has done nothing, so the
     * interpreter runs that instruction once before any trace is entered there again.
     */
    private int traceLeftAt = -1;

    /** What {@link #execute} is given as {@code resumed} for a call just made, at its first instruction. */
    private static final int ENTERED = -2;

    /**
     * A call of {@code cl} that its function trace does not run begins (the callers,
     * {@link #callLua} and {@link #enter}, run a traced one by {@link #runFunctionTrace}): the
     * call is counted, and a hot function is recorded from here.
     */
    private void countCall(LuaClosure cl, int base, CallStack frames) {
        Prototype p = cl.prototype;
        int entry = p.functionEntry();
        int count = ++p.loopCounts()[entry];
        LoopCompiler compiler = loopCompiler;
        if (count >= compiler.hotLoop() && observer == null) {
            p.loopCounts()[entry] = 0;
            compiler.functionHot(cl, base, frames.depth);
        }
    }

    /** The compiled loop to enter at loop instruction {@code pc}, or null when the interpreter runs it. */
    private CompiledLoop traceToEnter(LuaClosure cl, int pc, Upvalue open, ValueStack st, int base) {
        if (pc == traceLeftAt) {
            traceLeftAt = -1;
            return null;
        }
        return cl.prototype.loopTraces()[pc] instanceof CompiledLoop trace && trace.mayEnter(open, base)
                && (observer == null || observer.letsCompiledLoopRun(cl, pc, st, base)) ? trace : null;
    }

    /**
     * Runs a compiled loop and returns the pc to go on at. When a call in it failed, the frame
     * is written back, the pc is that call's instruction, and {@link #takeTraceFailure} hands
     * over the error, which the caller raises at that instruction, as if it had executed it.
     */
    private int runTrace(LoopTrace code, ValueStack st, int base, LuaClosure cl, CallStack frames) {
        int pc;
        try {
            pc = code.run(st, base, cl, frames);
        } catch (TraceCallFailure f) {
            traceFailure = f.getCause();
            pc = f.pc();
        }
        return afterTrace(pc, st, base, frames);
    }

    /**
     * Where the interpreter goes on after a trace returned {@code pc}: calls it left inside
     * finished first, a hand-over to another loop's trace noted.
     */
    private int afterTrace(int pc, ValueStack st, int base, CallStack frames) {
        if ((pc & LoopTrace.RETURNED) != 0) {
            traceLeftAt = -1;
            return pc;
        }
        int completed = frames.completedCall;
        frames.completedCall = -1;
        InlinedFrames inside = frames.leftInside;
        if (inside != null) {
            frames.leftInside = null;
            pc = finishInlinedCalls(inside, pc, completed, st, base, frames);
            traceLeftAt = -1;
            return pc;
        } else if (completed >= 0) {
            // The CALL at pc completes with the results the trace wrote (takeResumedResults).
            resumedResults = completed;
        } else if ((pc & LoopTrace.ENTER) != 0) {
            traceLeftAt = -1;
            return pc & ~LoopTrace.ENTER;
        }
        traceLeftAt = pc;
        return pc;
    }

    /**
     * The calls a trace left inside ({@link InlinedFrames}) run to their returns: their frames
     * pushed again, the innermost run from {@code pc} (or, when a call the trace made there
     * failed, from that call with its error thrown; when the trace left a call there completed,
     * from that call with its {@code completed} results), then each caller from its {@code CALL},
     * given the results or the error of the call it made. Returns the pc of the loop frame's
     * own {@code CALL}, which the interpreter completes with {@link #takeResumedResults} or
     * raises {@link #takeTraceFailure} at.
     */
    private int finishInlinedCalls(InlinedFrames inside, int pc, int completed, ValueStack st, int base, CallStack frames) {
        frames.pushInlined(inside, base, 0);
        Throwable failure = takeTraceFailure();
        int results = completed;
        int resumeAt = pc & ~LoopTrace.ENTER;
        // Like the loop's frame, the innermost does not enter a trace at the instruction the
        // trace left at, unless told to (a side trace handing over to an inner loop's trace).
        traceLeftAt = (pc & LoopTrace.ENTER) != 0 ? -1 : resumeAt;
        for (int j = inside.depth() - 1; j >= 0; j--) {
            try {
                results = execute(inside.closures()[j], st, base + inside.offsets()[j], NO_VARARGS, resumeAt, results, failure);
                failure = null;
            } catch (Throwable e) {
                // Raised again at the caller's CALL, where it passes the same handlers as an error coming out of a call.
                failure = e;
                results = -1;
            } finally {
                frames.pop();
            }
            resumeAt = inside.callPcs()[j];
        }
        traceFailure = failure;
        resumedResults = results;
        return resumeAt;
    }

    private Throwable takeTraceFailure() {
        Throwable f = traceFailure;
        traceFailure = null;
        return f;
    }

    /**
     * The results of the loop frame's call a trace left inside, which {@link #finishInlinedCalls}
     * finished, or that the trace left completed ({@code TraceAccess.completeCall}); -1 when none.
     */
    private int resumedResults = -1;

    private int takeResumedResults() {
        int r = resumedResults;
        resumedResults = -1;
        return r;
    }

    private void countLoop(LuaClosure cl, int pc, int base) {
        if (interruptRequested) {
            setInterruptRequested(false);
            throw new LuaError("interrupted!");
        }
        int[] counts = cl.prototype.loopCounts();
        int count = ++counts[pc];
        if (observer != null) {
            observer.loopCounted(cl, pc, count);
        }
        LoopCompiler compiler = loopCompiler;
        if (compiler != null && count >= compiler.hotLoop() && observer == null) {
            counts[pc] = 0;
            compiler.loopHot(cl, pc, base, callStack.depth);
        }
    }

    private static double forNumber(Object v, double number, String what) {
        if (v == NUMBER) {
            return number;
        }
        Double d = LuaSemantics.toNumber(v);
        if (d == null) {
            throw new LuaError("'for' " + what + " must be a number");
        }
        return d;
    }

    /** Calls any value from Java's side of the convention: arguments and results as arrays. */
    private Object[] invoke(Object f, Object[] arguments) {
        if (f instanceof LuaClosure next) {
            return call(next, arguments);
        }
        if (f instanceof LuaCallable callable) {
            return callable.call(arguments);
        }
        if (f instanceof LuaFunction fn) {
            try {
                return fn.call(arguments);
            } catch (StackOverflowError e) {
                throw callStack.javaStackOverflow();
            }
        }
        return semantics.call(f, arguments);
    }

    /**
     * A library function with a numeric form (math.floor, bit.band), called for one result on
     * numbers: its operator applied to them where they are, the result left in {@code fn} unboxed.
     * False, with nothing done, for other arguments (the function's body takes those).
     */
    private static boolean numericCall(JavaFunction library, Object[] s, double[] n, int fn, int argc) {
        if (argc == 1 && isNumber(s[fn + 1]) && library.unaryNumeric() instanceof java.util.function.DoubleUnaryOperator u) {
            n[fn] = u.applyAsDouble(number(s[fn + 1], n, fn + 1));
        } else if ((argc == 2 || argc > 2 && library.foldsNumericForm()) && allNumbers(s, fn + 1, argc)
                && library.binaryNumeric() instanceof java.util.function.DoubleBinaryOperator op) {
            double acc = op.applyAsDouble(number(s[fn + 1], n, fn + 1), number(s[fn + 2], n, fn + 2));
            for (int i = 3; i <= argc; i++) {
                acc = op.applyAsDouble(acc, number(s[fn + i], n, fn + i));
            }
            n[fn] = acc;
        } else {
            return false;
        }
        s[fn] = NUMBER;
        return true;
    }

    /** How {@code f} takes a call for one result with its arguments left in the registers, or null: a C function, a library function with a one-result body. */
    private static SingleResultCallable oneResultForm(Object f) {
        return f instanceof SingleResultCallable single ? single : f instanceof JavaFunction library ? library.oneResultForm() : null;
    }

    private static Upvalue findOpen(Upvalue list, int slot) {
        for (Upvalue u = list; u != null && u.slot() >= slot; u = u.nextOpen) {
            if (u.slot() == slot) {
                return u;
            }
        }
        return null;
    }

    private static Upvalue insertOpen(Upvalue list, Upvalue u) {
        if (list == null || list.slot() < u.slot()) {
            u.nextOpen = list;
            return u;
        }
        Upvalue prev = list;
        while (prev.nextOpen != null && prev.nextOpen.slot() > u.slot()) {
            prev = prev.nextOpen;
        }
        u.nextOpen = prev.nextOpen;
        prev.nextOpen = u;
        return list;
    }

    /** Closes the open upvalues at stack slot {@code slot} and above; returns the remaining list. */
    private static Upvalue closeUpvalues(Upvalue list, int slot) {
        while (list != null && list.slot() >= slot) {
            list.close();
            list = list.nextOpen;
        }
        return list;
    }
}
