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
 * <p>The handle is a {@link MutableCallSite}'s. Linked, it checks on every call that the trace
 * it calls is still the function's (one load and compare); when the trace was flushed
 * ({@code jit.flush}, the trace cache's bound) or replaced (a tree recompiled with another side
 * trace), that call goes through the interpreter and the site is relinked to the function's
 * trace of the moment, or unlinked when it has none. Each relink makes the JVM compile the
 * upcall again, so after {@link #MAX_LINKS} of them the site stays on the interpreter's entry,
 * which still runs the function trace, only without its code inlined.
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
    private static final MethodHandle CALLBACK_RESULT_OF;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            UNLINKED = lookup.findVirtual(CallbackEntry.class, "unlinked", TYPE);
            LINKED = lookup.findStatic(CallbackEntry.class, "linked", TYPE.insertParameterTypes(0, CallbackEntry.class, CompiledLoop.class, LoopTrace.class));
            CALLBACK_RESULT_OF = lookup.findVirtual(LuaFunction.class, "callbackResultOf", TYPE);
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

    /** The call straight into {@code code}, the code of {@code trace}, while that is still the function's trace. */
    private static Object linked(CallbackEntry entry, CompiledLoop trace, LoopTrace code,
                                 int count, Object first, double firstNumber, Object second, double secondNumber) {
        LuaClosure closure = entry.closure;
        Prototype p = closure.prototype;
        if (p.loopTraces()[p.functionEntry()] != trace) {
            return entry.unlinked(count, first, firstNumber, second, secondNumber);
        }
        return closure.interpreter().callbackIntoTrace(closure, code, trace.argumentsStayInCall(), count, first, firstNumber, second, secondNumber);
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
        site.setTarget(linked == null ? unlinked : MethodHandles.insertArguments(LINKED, 0, this, linked, linked.code()));
    }
}
