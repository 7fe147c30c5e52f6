package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaFunction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * How a callback's stub enters a Lua function on one or two arguments: through a method of a
 * class spun for the callback ({@link CallbackMethod}) that holds the whole way from C's
 * arguments to C's result, and, once the function has a function trace, the call of that
 * trace's code with the trace, the closure and their handles as constants of the class.
 * Before that, and whenever the trace it was spun for is no longer the function's, the method
 * calls {@link #outOfLine}, which goes through the interpreter's entry and spins the method
 * again for the function's trace of the moment.
 *
 * <p>Why a class per callback rather than a chain of method handles: the JIT compiler decides
 * whether to inline a call by the profile of the method making it, and the method-handle code
 * between the JDK's upcall and a handle's methods is the JDK's, shared by every handle of a
 * shape; where its profile was thin, pieces of the path were left out of line in one process
 * in ten (docs/trace-compiler.md, "Native calls and callbacks"). The spun method's profile is
 * its own, and its constants stay constants in a compilation of the method on its own.
 *
 * <p>A relink replaces the callback's target ({@code replace}, ffi-core's {@code Callback.replace},
 * which refuses when {@code cb:set} or {@code cb:free} replaced it meanwhile) and makes the JVM
 * compile the upcall again, so after {@link #MAX_LINKS} of them the callback stays on the
 * interpreter's entry, which still runs the function trace, only without its code inlined.
 *
 * <p>Errors and yields are the interpreter's: a trace's exit or a failed call inside it is
 * finished by the interpreter in the callback's frame, as for any call of a traced function.
 */
public final class CallbackEntry {
    /** Links after which the callback stays on the interpreter's entry. */
    static final int MAX_LINKS = 16;

    final LuaFunction function;
    final LuaRuntime runtime;
    final MethodType carriers;
    final List<CallbackParameter> parameters;
    /** The conversion of the result when the trace returned a number. */
    final CallbackResult numberResult;
    /** {@code (Object)carrier}: any Lua result, {@link LuaFunction#UNBOXED_NUMBER} with the function's {@code numberResult}. */
    final MethodHandle objectResult;
    /** The method C calls now. */
    private MethodHandle installed;
    /** The trace {@link #installed} calls, or null when it calls the interpreter's entry. */
    private CompiledLoop linked;
    private int links;
    /** Replaces the callback's target when it still is the first handle: null until {@link #attach}. */
    private BiPredicate<MethodHandle, MethodHandle> replace;

    private CallbackEntry(LuaFunction function, LuaRuntime runtime, MethodType carriers, List<CallbackParameter> parameters,
                          CallbackResult numberResult, MethodHandle objectResult) {
        this.function = function;
        this.runtime = runtime;
        this.carriers = carriers;
        this.parameters = List.copyOf(parameters);
        this.numberResult = numberResult;
        this.objectResult = objectResult;
        this.installed = CallbackMethod.spin(this, null);
    }

    /**
     * The entry for a callback calling {@code function} with C arguments of types {@code carriers}
     * (pointers as {@code long} addresses), each converted as {@code parameters} says, its result
     * converted as {@code numberResult} says when the trace returned a number, else by
     * {@code objectResult} ({@code (Object)carrier}; both unused for a {@code void} result).
     */
    public static CallbackEntry of(LuaFunction function, LuaRuntime runtime, MethodType carriers, List<CallbackParameter> parameters,
                                   CallbackResult numberResult, MethodHandle objectResult) {
        if (parameters.size() < 1 || parameters.size() > 2 || parameters.size() != carriers.parameterCount()) {
            throw new IllegalArgumentException("a callback entry takes one or two parameters, not " + parameters.size());
        }
        if (function instanceof LuaClosure closure && runtime.loopCompiler() != null) {
            runtime.loopCompiler().calledFromC(closure.prototype);
        }
        return new CallbackEntry(function, runtime, carriers, parameters, numberResult, objectResult);
    }

    /** The handle the callback's stub calls first, of type {@code carriers}. */
    public synchronized MethodHandle target() {
        return installed;
    }

    /**
     * Lets the entry relink the callback made with {@link #target()}: {@code replace} replaces the
     * callback's target when it still is the first handle and says whether it did.
     */
    public synchronized void attach(BiPredicate<MethodHandle, MethodHandle> replace) {
        this.replace = replace;
    }

    /**
     * The call through the interpreter's entry, after the callback was relinked to the function's
     * trace if it has one now: what the spun method calls before there is a trace, while a
     * recording is in progress (set aside meanwhile: it records the C call, not what the callback
     * runs; LuaJIT aborts it instead), and when the trace it calls is no longer the function's.
     */
    public Object outOfLine(Object first, double firstNumber, Object second, double secondNumber) {
        var recording = runtime.setObserverAside();
        var coroutine = runtime.currentCoroutine();
        coroutine.enterCallback();
        try {
            relink();
            Object result = function.callbackResultOf(parameters.size(), first, firstNumber, second, secondNumber);
            boolean free = result == LuaFunction.UNBOXED_NUMBER_ARGUMENTS_FREE;
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) instanceof CallbackParameter.Pointer(var kept)) {
                    if (free) {
                        kept.free = (KeptArgument.Reusable) (i == 0 ? first : second);
                    }
                    kept.replenish();
                }
            }
            return free ? LuaFunction.UNBOXED_NUMBER : result;
        } finally {
            coroutine.exitCallback();
            runtime.takeObserverBack(recording);
        }
    }

    /** The callback pointed at a method for the function's trace of the moment (or the interpreter's entry), unless it already is or linked too often. */
    private synchronized void relink() {
        if (replace == null || !(function instanceof LuaClosure closure) || closure.prototype.isVararg()) {
            // A function with varargs has traces that take no "...": it is always entered by the interpreter.
            return;
        }
        Prototype p = closure.prototype;
        CompiledLoop current = p.loopTraces()[p.functionEntry()] instanceof CompiledLoop trace ? trace : null;
        if (current == linked || links >= MAX_LINKS) {
            return;
        }
        links++;
        CompiledLoop next = links == MAX_LINKS ? null : current;
        MethodHandle target = CallbackMethod.spin(this, next);
        if (replace.test(installed, target)) {
            installed = target;
            linked = next;
        } else {
            // Replaced by cb:set or freed: this entry is no longer what C calls.
            links = MAX_LINKS;
        }
    }
}
