package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaFunction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * How a callback's stub enters a Lua function on one or two arguments, by the protocol of
 * {@link LuaFunction#callbackResultOf}: once the function has a function trace, straight into
 * that trace's code, bound into the handle as a constant, so that the JVM compiles the upcall,
 * the frame's set-up and the trace as one piece of code with no interpreter dispatch and no
 * lookup of the trace ({@link Interpreter#callbackIntoTrace}); through the interpreter's entry
 * before that.
 *
 * <p>When the function tree has a direct entry returning a number ({@link CompiledLoop#directEntry}),
 * the site calls that instead of {@code run} ({@link Interpreter#callbackIntoBody}): the
 * arguments and the result pass as JVM values, and the frame's slots are written only where
 * the trace leaves its compiled code.
 *
 * <p>The handle is a {@link MutableCallSite}'s. Linked, it checks on every call that the trace
 * it calls is still the function's (one load and compare); when the trace was flushed
 * ({@code jit.flush}, the trace cache's bound) or replaced (a tree recompiled with another side
 * trace), that call goes through the interpreter and the site is relinked to the function's
 * trace of the moment, or unlinked when it has none. Each relink makes the JVM compile the
 * upcall again, so after {@link #MAX_LINKS} of them the site stays on the interpreter's entry,
 * which still runs the function trace, only without its code inlined.
 *
 * <p>A linked handle reaches the interpreter's entry ({@link Interpreter#callbackIntoBody},
 * {@link Interpreter#callbackIntoTrace}) through a handle bound to it, not by calling it. The JVM
 * compiles a method that runs often on its own (the upcall's pieces run as calls until the
 * upcall is compiled as a whole), and will not inline it into a caller compiled later once its
 * own compiled code is larger than {@code InlineSmallCode} (2,500 bytes on x86-64): the check
 * here with the interpreter's entry inlined compiled to 2.8 KB, so whether the upcall was
 * compiled before or after it decided, process by process, whether the upcall called it out
 * of line (and the trace through a handle it could not see). Behind a handle, a method's own
 * compilation stops at the handle, while the upcall's, where the handle is a constant, goes
 * through it.
 *
 * <p>Errors and yields are the interpreter's: a trace's exit or a failed call inside it is
 * finished by the interpreter in the callback's frame, as for any call of a traced function.
 */
public final class CallbackEntry {
    /** The handle's type: {@link LuaFunction#callbackResultOf}'s parameters and result. */
    public static final MethodType TYPE = MethodType.methodType(Object.class, int.class, Object.class, double.class, Object.class, double.class);
    /** Links after which the site stays on the interpreter's entry. */
    static final int MAX_LINKS = 16;

    private static final MethodHandle UNLINKED;
    private static final MethodHandle LINKED;
    private static final MethodHandle LINKED_BODY;
    private static final MethodHandle CALLBACK_RESULT_OF;
    private static final MethodHandle INTO_TRACE;
    private static final MethodHandle INTO_BODY;
    /** The type a direct entry is adapted to: {@code run}'s parameters, then both arguments as an object and a number. */
    private static final MethodType BODY_TYPE = MethodType.methodType(double.class, ValueStack.class, int.class, LuaClosure.class, CallStack.class,
            Object.class, double.class, Object.class, double.class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            UNLINKED = lookup.findVirtual(CallbackEntry.class, "unlinked", TYPE);
            LINKED = lookup.findStatic(CallbackEntry.class, "linked",
                    TYPE.insertParameterTypes(0, CallbackEntry.class, Prototype.class, CompiledLoop.class, MethodHandle.class));
            LINKED_BODY = lookup.findStatic(CallbackEntry.class, "linkedBody",
                    TYPE.insertParameterTypes(0, CallbackEntry.class, Prototype.class, CompiledLoop.class, MethodHandle.class, int.class));
            CALLBACK_RESULT_OF = lookup.findVirtual(LuaFunction.class, "callbackResultOf", TYPE);
            INTO_TRACE = lookup.findVirtual(Interpreter.class, "callbackIntoTrace",
                    TYPE.insertParameterTypes(0, LuaClosure.class, LoopTrace.class, boolean.class));
            INTO_BODY = lookup.findVirtual(Interpreter.class, "callbackIntoBody",
                    TYPE.insertParameterTypes(0, LuaClosure.class, Prototype.class, MethodHandle.class, boolean.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LuaClosure closure;
    private final MutableCallSite site = new MutableCallSite(TYPE);
    private final MethodHandle unlinked;
    /** The trace the site calls, or null when it calls the interpreter's entry. */
    private CompiledLoop linked;
    private int links;

    private CallbackEntry(LuaClosure closure) {
        this.closure = closure;
        this.unlinked = UNLINKED.bindTo(this);
        site.setTarget(unlinked);
    }

    /**
     * The handle (of {@link #TYPE}) a callback calls {@code f} through: relinked to its function
     * trace as that comes and goes when it is a Lua function without varargs (whose traces take
     * no {@code ...}), else {@code f.callbackResultOf} itself.
     */
    public static MethodHandle of(LuaFunction f) {
        if (f instanceof LuaClosure closure && !closure.prototype.isVararg()) {
            return new CallbackEntry(closure).site.dynamicInvoker();
        }
        return CALLBACK_RESULT_OF.bindTo(f);
    }

    /** The call through the interpreter's entry, after the site was linked to the function's trace if it has one now. */
    private Object unlinked(int count, Object first, double firstNumber, Object second, double secondNumber) {
        relink();
        return closure.interpreter().callbackResultOf(closure, count, first, firstNumber, second, secondNumber);
    }

    /**
     * The call straight into the code of {@code trace} by {@code intoTrace}
     * ({@link Interpreter#callbackIntoTrace} with the closure and the code bound), while that is
     * still the trace of {@code p}, the function's prototype (bound, as a record a constant the
     * JIT compiler reads through).
     */
    private static Object linked(CallbackEntry entry, Prototype p, CompiledLoop trace, MethodHandle intoTrace,
                                 int count, Object first, double firstNumber, Object second, double secondNumber) throws Throwable {
        if (p.loopTraces()[p.functionEntry()] != trace) {
            return entry.unlinked(count, first, firstNumber, second, secondNumber);
        }
        return (Object) intoTrace.invokeExact(count, first, firstNumber, second, secondNumber);
    }

    /**
     * The call by {@code intoBody} ({@link Interpreter#callbackIntoBody} with the closure and the
     * direct entry of {@code trace} bound) while that is still the function's trace, the call
     * has as many arguments as the function has parameters and each is a number exactly where
     * the entry takes one ({@code numbers}, a bit per parameter); else as {@link #unlinked}.
     */
    private static Object linkedBody(CallbackEntry entry, Prototype p, CompiledLoop trace, MethodHandle intoBody, int numbers,
                                     int count, Object first, double firstNumber, Object second, double secondNumber) throws Throwable {
        if (p.loopTraces()[p.functionEntry()] != trace || count != p.parameterCount()
                || (first == LuaFunction.UNBOXED_NUMBER) != ((numbers & 1) != 0)
                || count == 2 && (second == LuaFunction.UNBOXED_NUMBER) != ((numbers & 2) != 0)) {
            return entry.unlinked(count, first, firstNumber, second, secondNumber);
        }
        return (Object) intoBody.invokeExact(count, first, firstNumber, second, secondNumber);
    }

    /** The site pointed at the function's trace of the moment (or the interpreter's entry), unless it already is or linked too often. */
    private void relink() {
        Prototype p = closure.prototype;
        CompiledLoop current = p.loopTraces()[p.functionEntry()] instanceof CompiledLoop trace ? trace : null;
        if (current == linked || links >= MAX_LINKS) {
            return;
        }
        links++;
        linked = links == MAX_LINKS ? null : current;
        site.setTarget(linked == null ? unlinked : target(linked));
    }

    /** The call of {@code trace}: by its direct entry when that returns a number and takes the callback's one or two arguments, else by {@code run}. */
    private MethodHandle target(CompiledLoop trace) {
        MethodHandle entry = trace.directEntry();
        MethodType type = entry == null ? null : entry.type();
        int parameters = type == null ? 0 : type.parameterCount() - 4;
        Interpreter interpreter = closure.interpreter();
        if (type == null || type.returnType() != double.class || parameters < 1 || parameters > 2) {
            MethodHandle intoTrace = MethodHandles.insertArguments(INTO_TRACE, 0, interpreter, closure, trace.code(), trace.argumentsStayInCall());
            return MethodHandles.insertArguments(LINKED, 0, this, closure.prototype, trace, intoTrace);
        }
        // Each parameter taken from the object or the number the callback passes for it.
        int[] order = new int[4 + parameters];
        int numbers = 0;
        for (int i = 0; i < order.length; i++) {
            boolean number = i >= 4 && type.parameterType(i) == double.class;
            order[i] = i < 4 ? i : 4 + 2 * (i - 4) + (number ? 1 : 0);
            numbers |= number ? 1 << (i - 4) : 0;
        }
        MethodHandle body = MethodHandles.permuteArguments(entry, BODY_TYPE, order);
        MethodHandle intoBody = MethodHandles.insertArguments(INTO_BODY, 0, interpreter, closure, closure.prototype, body, trace.argumentsStayInCall(),
                trace.makesNoCall());
        return MethodHandles.insertArguments(LINKED_BODY, 0, this, closure.prototype, trace, intoBody, numbers);
    }
}
