package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.LuaSemantics.Arith;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaCallable;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaExit;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.SingleResultCallable;

import java.util.Arrays;

/**
 * Executes register bytecode. Each Lua call gets its own register array (the frame) and
 * runs in a Java activation of {@link #execute}; tail calls replace the frame inside the
 * same activation, so tail recursion runs in constant Java stack. Errors raised by
 * operations get the {@code chunk:line:} prefix and operand names here, where the pc is known.
 */
public final class Interpreter {
    /** Lua frames deeper than this raise "stack overflow" (LuaJIT's limit is in the same range). */
    static final int MAX_DEPTH = 40_000;
    private static final Object[] NO_VARARGS = new Object[0];

    private final LuaRuntime runtime;
    private final LuaSemantics semantics;
    private CallStack callStack = new CallStack();
    /**
     * The result array of single-value returns to the interpreter's own CALL, which copies the
     * value out before any other Lua code runs: saves an allocation per call. Returns to Java
     * callers always get a fresh array.
     */
    private final Object[] singleResult = new Object[1];
    InstructionObserver observer;

    Interpreter(LuaRuntime runtime) {
        this.runtime = runtime;
        this.semantics = runtime.semantics();
    }

    /** Calls a closure from Java. */
    CallStack callStack() {
        return callStack;
    }

    /** Coroutine switches swap call stacks, since each coroutine has its own. */
    void setCallStack(CallStack stack) {
        this.callStack = stack;
    }

    Object[] call(LuaClosure closure, Object[] arguments) {
        return enter(closure, arguments, 0, arguments.length, false);
    }

    /**
     * Calls a closure from Java for its first result alone (null when none): a callback from
     * C wants no more, and this way gets it without a result array.
     */
    Object callForFirstResult(LuaClosure closure, Object[] arguments) {
        Object[] results = enter(closure, arguments, 0, arguments.length, true);
        Object first = results.length == 0 ? null : results[0];
        if (results == singleResult) {
            singleResult[0] = null;
        }
        return first;
    }

    /**
     * Runs a closure, entered from Java, on {@code count} arguments from {@code source[from]},
     * tracking it on the call stack; "stack overflow" past {@link #MAX_DEPTH} frames. With
     * {@code mayShareResult}, a single result may come back in {@link #singleResult}.
     */
    private Object[] enter(LuaClosure closure, Object[] source, int from, int count, boolean mayShareResult) {
        Prototype p = closure.prototype;
        Object[] frame = new Object[p.frameSize()];
        System.arraycopy(source, from, frame, 0, Math.min(count, p.parameterCount()));
        Object[] varargs = p.isVararg() && count > p.parameterCount()
                ? Arrays.copyOfRange(source, from + p.parameterCount(), from + count) : NO_VARARGS;
        CallStack stack = callStack;
        if (stack.depth >= MAX_DEPTH) {
            throw new LuaError("stack overflow");
        }
        stack.pushFromJava(closure);
        try {
            return run(closure, frame, varargs, mayShareResult);
        } finally {
            stack.pop();
        }
    }

    /** The dispatch loop. {@code top} is the end of the values left by the last open-ended CALL or VARARG. */
    private Object[] run(LuaClosure cl, Object[] frame, Object[] varargs, boolean isInternalCall) {
        Prototype p = cl.prototype;
        int[] code = p.code();
        Object[] k = p.constants();
        Upvalue openUpvalues = null;
        int top = 0;
        int pc = 0;
        while (true) {
            int i = pc * 4;
            int a = code[i + 1];
            int b = code[i + 2];
            int c = code[i + 3];
            if (observer != null) {
                observer.beforeInstruction(cl, pc, frame, varargs);
            }
            int current = pc++;
            try {
                switch (code[i]) {
                    case Op.MOVE -> frame[a] = frame[b];
                    case Op.LOADK -> frame[a] = k[b];
                    case Op.LOADBOOL -> {
                        frame[a] = b != 0;
                        if (c != 0) {
                            pc++;
                        }
                    }
                    case Op.LOADNIL -> Arrays.fill(frame, a, a + b, null);
                    case Op.GETUPVAL -> frame[a] = cl.upvalues[b].get();
                    case Op.GETGLOBAL -> {
                        Object v = cl.environment.get(k[b]);
                        frame[a] = v != null || cl.environment.metatable() == null ? v : semantics.index(cl.environment, k[b]);
                    }
                    case Op.GETTABLE -> {
                        Object t = frame[b];
                        Object key = c < 0 ? k[-1 - c] : frame[c];
                        Object v;
                        if (t instanceof LuaTable table && ((v = table.get(key)) != null || table.metatable() == null)) {
                            frame[a] = v;
                        } else {
                            frame[a] = semantics.index(t, key);
                        }
                    }
                    case Op.SETGLOBAL -> {
                        LuaTable env = cl.environment;
                        if (env.metatable() == null) {
                            env.put(k[b], frame[a]);
                        } else {
                            semantics.setIndex(env, k[b], frame[a]);
                        }
                    }
                    case Op.SETUPVAL -> cl.upvalues[b].set(frame[a]);
                    case Op.SETTABLE -> {
                        Object t = frame[a];
                        Object key = b < 0 ? k[-1 - b] : frame[b];
                        Object v = c < 0 ? k[-1 - c] : frame[c];
                        if (t instanceof LuaTable table && table.metatable() == null) {
                            LuaSemantics.rawSet(table, key, v);
                        } else {
                            semantics.setIndex(t, key, v);
                        }
                    }
                    case Op.NEWTABLE -> frame[a] = new LuaTable(b, c);
                    case Op.SELF -> {
                        Object t = frame[b];
                        Object key = c < 0 ? k[-1 - c] : frame[c];
                        frame[a + 1] = t;
                        frame[a] = semantics.index(t, key);
                    }
                    case Op.ADD -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        frame[a] = x instanceof Double dx && y instanceof Double dy ? (Object) (dx + dy) : semantics.arith(Arith.ADD, x, y);
                    }
                    case Op.SUB -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        frame[a] = x instanceof Double dx && y instanceof Double dy ? (Object) (dx - dy) : semantics.arith(Arith.SUB, x, y);
                    }
                    case Op.MUL -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        frame[a] = x instanceof Double dx && y instanceof Double dy ? (Object) (dx * dy) : semantics.arith(Arith.MUL, x, y);
                    }
                    case Op.DIV -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        frame[a] = x instanceof Double dx && y instanceof Double dy ? (Object) (dx / dy) : semantics.arith(Arith.DIV, x, y);
                    }
                    case Op.MOD -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        frame[a] = x instanceof Double dx && y instanceof Double dy
                                ? (Object) LuaSemantics.mod(dx, dy) : semantics.arith(Arith.MOD, x, y);
                    }
                    case Op.POW -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        frame[a] = x instanceof Double dx && y instanceof Double dy
                                ? (Object) Math.pow(dx, dy) : semantics.arith(Arith.POW, x, y);
                    }
                    case Op.UNM -> frame[a] = frame[b] instanceof Double d ? (Object) (-d) : semantics.unaryMinus(frame[b]);
                    case Op.NOT -> frame[a] = LuaType.isFalsy(frame[b]);
                    case Op.LEN -> frame[a] = semantics.length(frame[b]);
                    case Op.CONCAT -> frame[a] = semantics.concat(frame, b, c);
                    case Op.JMP -> pc += b;
                    case Op.EQ -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        if (semantics.equal(x, y) != (a != 0)) {
                            pc++;
                        }
                    }
                    case Op.LT -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        boolean r = x instanceof Double dx && y instanceof Double dy ? dx < dy : semantics.lessThan(x, y);
                        if (r != (a != 0)) {
                            pc++;
                        }
                    }
                    case Op.LE -> {
                        Object x = b < 0 ? k[-1 - b] : frame[b];
                        Object y = c < 0 ? k[-1 - c] : frame[c];
                        boolean r = x instanceof Double dx && y instanceof Double dy ? dx <= dy : semantics.lessEqual(x, y);
                        if (r != (a != 0)) {
                            pc++;
                        }
                    }
                    case Op.TEST -> {
                        if (LuaType.isFalsy(frame[a]) == (c != 0)) {
                            pc++;
                        }
                    }
                    case Op.TESTSET -> {
                        if (LuaType.isFalsy(frame[b]) != (c != 0)) {
                            frame[a] = frame[b];
                        } else {
                            pc++;
                        }
                    }
                    case Op.CALL -> {
                        callStack.callPcs[callStack.depth - 1] = current;
                        int argumentCount = b != 0 ? b - 1 : top - a - 1;
                        Object[] results;
                        if (frame[a] instanceof LuaClosure next) {
                            // Lua-to-Lua calls recurse into run() directly: one Java call per Lua call
                            // (C2 does not inline helpers into this large method).
                            Prototype np = next.prototype;
                            Object[] nextFrame = new Object[np.frameSize()];
                            System.arraycopy(frame, a + 1, nextFrame, 0, Math.min(argumentCount, np.parameterCount()));
                            Object[] nextVarargs = np.isVararg() && argumentCount > np.parameterCount()
                                    ? Arrays.copyOfRange(frame, a + 1 + np.parameterCount(), a + 1 + argumentCount) : NO_VARARGS;
                            CallStack stack = callStack;
                            if (stack.depth >= MAX_DEPTH) {
                                throw new LuaError("stack overflow");
                            }
                            stack.push(next);
                            try {
                                results = run(next, nextFrame, nextVarargs, true);
                            } finally {
                                stack.pop();
                            }
                        } else if (c == 2 && frame[a] instanceof SingleResultCallable single) {
                            frame[a] = single.callForOneResult(frame, a + 1, argumentCount);
                            if (argumentCount > 0) {
                                Arrays.fill(frame, a + 1, a + 1 + argumentCount, null);
                            }
                            continue;
                        } else {
                            results = invoke(frame[a], frame, a + 1, argumentCount);
                        }
                        if (c != 0) {
                            int wanted = c - 1;
                            int n = Math.min(wanted, results.length);
                            System.arraycopy(results, 0, frame, a, n);
                            if (results == singleResult) {
                                singleResult[0] = null;
                            }
                            // Clears unused results and the argument slots above them: dead temporaries
                            // must not keep objects reachable (finalizers run when LuaJIT's would).
                            int end = Math.max(a + wanted, a + 1 + argumentCount);
                            if (a + n < end) {
                                Arrays.fill(frame, a + n, end, null);
                            }
                        } else {
                            frame = ensureFrame(frame, a + results.length, openUpvalues);
                            System.arraycopy(results, 0, frame, a, results.length);
                            top = a + results.length;
                            if (results == singleResult) {
                                singleResult[0] = null;
                            }
                        }
                    }
                    case Op.TAILCALL -> {
                        int argumentCount = b != 0 ? b - 1 : top - a - 1;
                        closeUpvalues(openUpvalues, 0);
                        openUpvalues = null;
                        Object f = frame[a];
                        if (f instanceof LuaClosure next) {
                            Prototype np = next.prototype;
                            Object[] nextFrame = new Object[np.frameSize()];
                            int fixed = Math.min(argumentCount, np.parameterCount());
                            System.arraycopy(frame, a + 1, nextFrame, 0, fixed);
                            if (np.isVararg() && argumentCount > np.parameterCount()) {
                                varargs = Arrays.copyOfRange(frame, a + 1 + np.parameterCount(), a + 1 + argumentCount);
                            } else {
                                varargs = NO_VARARGS;
                            }
                            cl = next;
                            callStack.closures[callStack.depth - 1] = next;
                            p = np;
                            code = p.code();
                            k = p.constants();
                            frame = nextFrame;
                            pc = 0;
                            top = 0;
                        } else {
                            return invoke(f, frame, a + 1, argumentCount);
                        }
                    }
                    case Op.RETURN -> {
                        closeUpvalues(openUpvalues, 0);
                        int n = b != 0 ? b - 1 : top - a;
                        if (n == 0) {
                            return LuaFunction.NONE;
                        }
                        if (n == 1 && isInternalCall) {
                            singleResult[0] = frame[a];
                            return singleResult;
                        }
                        return Arrays.copyOfRange(frame, a, a + n);
                    }
                    case Op.FORPREP -> {
                        Double start = forNumber(frame[a], "initial value");
                        Double limit = forNumber(frame[a + 1], "limit");
                        Double step = forNumber(frame[a + 2], "step");
                        frame[a] = start - step;
                        frame[a + 1] = limit;
                        frame[a + 2] = step;
                        pc += b;
                    }
                    case Op.FORLOOP -> {
                        double step = (Double) frame[a + 2];
                        double index = (Double) frame[a] + step;
                        double limit = (Double) frame[a + 1];
                        if (step > 0 ? index <= limit : index >= limit) {
                            Double boxed = index;
                            frame[a] = boxed;
                            frame[a + 3] = boxed;
                            pc += b;
                            countLoop(cl, current);
                        }
                    }
                    case Op.TFORLOOP -> {
                        callStack.callPcs[callStack.depth - 1] = current;
                        Object[] results = invoke(frame[a], frame, a + 1, 2);
                        int n = Math.min(c, results.length);
                        System.arraycopy(results, 0, frame, a + 3, n);
                        if (n < c) {
                            Arrays.fill(frame, a + 3 + n, a + 3 + c, null);
                        }
                        if (frame[a + 3] != null) {
                            frame[a + 2] = frame[a + 3];
                            pc += b;
                            countLoop(cl, current);
                        }
                    }
                    case Op.SETLIST -> {
                        int n = b != 0 ? b : top - a - 1;
                        LuaTable t = (LuaTable) frame[a];
                        for (int j = 1; j <= n; j++) {
                            t.put(c + j, frame[a + j]);
                        }
                    }
                    case Op.CLOSE -> openUpvalues = closeUpvalues(openUpvalues, a);
                    case Op.CLOSURE -> {
                        Prototype child = p.prototypes().get(b);
                        Upvalue[] ups = new Upvalue[child.upvalues().size()];
                        for (int u = 0; u < ups.length; u++) {
                            Prototype.UpvalueSource source = child.upvalues().get(u);
                            if (source.fromParentRegister()) {
                                Upvalue found = findOpen(openUpvalues, source.index());
                                if (found == null) {
                                    found = new Upvalue(frame, source.index());
                                    openUpvalues = insertOpen(openUpvalues, found);
                                }
                                ups[u] = found;
                            } else {
                                ups[u] = cl.upvalues[source.index()];
                            }
                        }
                        frame[a] = new LuaClosure(child, ups, cl.environment, this);
                    }
                    case Op.VARARG -> {
                        if (b != 0) {
                            int wanted = b - 1;
                            for (int j = 0; j < wanted; j++) {
                                frame[a + j] = j < varargs.length ? varargs[j] : null;
                            }
                        } else {
                            frame = ensureFrame(frame, a + varargs.length, openUpvalues);
                            System.arraycopy(varargs, 0, frame, a, varargs.length);
                            top = a + varargs.length;
                        }
                    }
                    case Op.LOOP -> countLoop(cl, current);
                }
            } catch (LuaSemantics.OperandError e) {
                throw InstructionErrors.traced(InstructionErrors.positioned(InstructionErrors.operandMessage(e, p, current, a, b, c), p, current), p, current);
            } catch (LuaArgumentError e) {
                throw InstructionErrors.traced(InstructionErrors.atCallSite(InstructionErrors.argumentError(e, p, current, a), p, current, frame[a]), p, current);
            } catch (LuaError e) {
                throw InstructionErrors.traced(InstructionErrors.atCallSite(InstructionErrors.withPosition(e, p, current), p, current, frame[a]), p, current);
            } catch (StackOverflowError e) {
                throw InstructionErrors.traced(InstructionErrors.positioned("stack overflow", p, current), p, current);
            } catch (LinkageError e) {
                // Linking a JDK call site with the stack used up fails with the overflow as its cause.
                if (InstructionErrors.causedByStackOverflow(e)) {
                    throw InstructionErrors.traced(InstructionErrors.positioned("stack overflow", p, current), p, current);
                }
                throw e;
            } catch (LuaExit e) {
                throw e;
            } catch (RuntimeException e) {
                // A library's Java failure must not reach the user as a Java exception: it becomes a Lua error here.
                throw InstructionErrors.traced(InstructionErrors.positioned(InstructionErrors.javaFailure(e), p, current), p, current);
            }
        }
    }

    /**
     * Open-ended results (a call or {@code ...} as the last argument) may not fit the frame:
     * it grows, and the open upvalues pointing into it follow it to the new array.
     */
    private static Object[] ensureFrame(Object[] frame, int needed, Upvalue open) {
        if (needed <= frame.length) {
            return frame;
        }
        if (needed > 8_000_000) {
            throw new LuaError("stack overflow");
        }
        Object[] grown = Arrays.copyOf(frame, Math.max(needed + 8, frame.length * 2));
        for (Upvalue u = open; u != null; u = u.nextOpen) {
            u.moveTo(grown);
        }
        return grown;
    }

    private void countLoop(LuaClosure cl, int pc) {
        int[] counts = cl.prototype.loopCounts();
        int n = ++counts[pc];
        if (observer != null) {
            observer.loopCounted(cl, pc, n);
        }
    }

    private static Double forNumber(Object v, String what) {
        Double d = LuaSemantics.toNumber(v);
        if (d == null) {
            throw new LuaError("'for' " + what + " must be a number");
        }
        return d;
    }

    /** Calls {@code f} with {@code count} arguments from {@code frame[from]}. */
    private Object[] invoke(Object f, Object[] frame, int from, int count) {
        if (f instanceof LuaClosure next) {
            return enter(next, frame, from, count, false);
        }
        Object[] arguments = Arrays.copyOfRange(frame, from, from + count);
        if (f instanceof LuaCallable callable) {
            return callable.call(arguments);
        }
        if (f instanceof LuaFunction fn) {
            try {
                return fn.call(arguments);
            } catch (StackOverflowError e) {
                throw new LuaError("stack overflow");
            }
        }
        return semantics.call(f, arguments);
    }

    private static Upvalue findOpen(Upvalue list, int register) {
        for (Upvalue u = list; u != null && u.register() >= register; u = u.nextOpen) {
            if (u.register() == register) {
                return u;
            }
        }
        return null;
    }

    private static Upvalue insertOpen(Upvalue list, Upvalue u) {
        if (list == null || list.register() < u.register()) {
            u.nextOpen = list;
            return u;
        }
        Upvalue prev = list;
        while (prev.nextOpen != null && prev.nextOpen.register() > u.register()) {
            prev = prev.nextOpen;
        }
        u.nextOpen = prev.nextOpen;
        prev.nextOpen = u;
        return list;
    }

    /** Closes the open upvalues at {@code register} and above; returns the remaining list. */
    private static Upvalue closeUpvalues(Upvalue list, int register) {
        while (list != null && list.register() >= register) {
            list.close();
            list = list.nextOpen;
        }
        return list;
    }
}
