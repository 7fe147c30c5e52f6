package dev.isthmus.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SwitchPoint;
import java.util.function.Function;

/**
 * A C function pointer that calls a Java handler, like a LuaJIT callback. The handler
 * receives the C arguments converted by the conversion table and returns a value
 * converted back ({@code docs/ffi-conversions.md}).
 *
 * <p>Lifetime: a callback is not garbage collected, since C may keep its pointer anywhere.
 * It lives until {@link #free()}; {@link #set} replaces the handler while the pointer
 * stays the same. A freed callback's stub stays in place ({@link CallbackSlot}): calling
 * it raises a {@link FreedCallbackException} as a callback's exception, and a later
 * callback of the same C signature may reuse its address, as LuaJIT reuses callback slots.
 *
 * <p>Exceptions: a handler that throws never unwinds through native frames (that would
 * kill the JVM). The exception is kept, the callback returns zero (or NULL, or a zeroed
 * struct) to C, and when the enclosing {@link NativeFunction#invoke} returns, the
 * exception is rethrown there. Code calling through exact handles calls
 * {@link #rethrowPending()} after its downcall.
 */
public final class Callback {
    private static final MethodHandle DISPATCH;
    private static final MethodHandle OF_ADDRESS;
    private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();
    /** How many threads hold a pending exception; lets every call skip the thread-local lookup when none does. */
    private static final java.util.concurrent.atomic.AtomicInteger PENDING_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Valid until a callback first leaves an exception pending in this process. Until then
     * {@link #rethrowingPending}'s check after each call is no code at all where the JIT
     * compiler inlines the call (it depends on the switch point instead, and recompiles when
     * it is invalidated); after, it reads {@link #PENDING_COUNT} as before. The invalidation
     * happens inside the callback, before its downcall returns: the caller's compiled code is
     * deoptimized by then, and it checks.
     */
    private static final SwitchPoint NONE_EVER_PENDING = new SwitchPoint();
    /** What runs after each call of a {@link #rethrowingPending} handle. */
    private static final MethodHandle AFTER_CALL;

    static {
        try {
            DISPATCH = MethodHandles.lookup().findVirtual(Callback.class, "dispatch",
                    MethodType.methodType(Object.class, Object[].class));
            OF_ADDRESS = MethodHandles.lookup().findStatic(MemorySegment.class, "ofAddress", MethodType.methodType(MemorySegment.class, long.class));
            MethodHandle rethrowPending = MethodHandles.lookup().findStatic(Callback.class, "rethrowPending", MethodType.methodType(void.class));
            AFTER_CALL = NONE_EVER_PENDING.guardWithTest(MethodHandles.empty(MethodType.methodType(void.class)), rethrowPending);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Ffi ffi;
    private final CType.Function type;
    /**
     * The stub and what it calls: the dispatcher of a Java handler, or a target handle,
     * through a mutable call site, so the JIT compiler inlines the current target into the
     * stub and recompiles when {@link #set} replaces it.
     */
    private final CallbackSlot slot;
    private final MethodHandle dispatcher;
    private volatile Function<Object[], Object> handler;
    /** Whether the handler gets pointer and aggregate arguments as {@link CData} of their declared types. */
    private final boolean typedArguments;
    private boolean isFreed;

    /** A callback running a Java handler on the converted arguments. */
    Callback(Ffi ffi, CType.Function type, Function<Object[], Object> handler) {
        this(ffi, type, handler, null, false);
    }

    /** A callback whose stub calls {@code target} (of {@link #carrierType()}) directly; {@code handler} may be null. */
    Callback(Ffi ffi, CType.Function type, Function<Object[], Object> handler, MethodHandle target) {
        this(ffi, type, handler, target, false);
    }

    Callback(Ffi ffi, CType.Function type, Function<Object[], Object> handler, MethodHandle target, boolean typedArguments) {
        this(ffi, type, handler, target, typedArguments, false);
    }

    /**
     * With {@code pointersAsAddresses}, the stub passes pointer arguments as their addresses
     * ({@code long}) rather than as segments: the same registers in every 64-bit ABI here, and
     * no segment for the upcall to allocate when the JIT compiler does not inline the target
     * into it.
     */
    Callback(Ffi ffi, CType.Function type, Function<Object[], Object> handler, MethodHandle target, boolean typedArguments,
             boolean pointersAsAddresses) {
        this.ffi = ffi;
        this.type = type;
        this.handler = handler;
        this.typedArguments = typedArguments;
        FunctionDescriptor descriptor = descriptorOf(ffi, type, pointersAsAddresses);
        MethodType carriers = descriptor.toMethodType();
        MethodType segments = ffi.layouts().descriptorOf(type).toMethodType();
        // The handler's dispatch takes segments; an address becomes one on this slow path.
        MethodHandle dispatch = DISPATCH.bindTo(this)
                .asCollector(Object[].class, type.parameterTypes().size())
                .asType(segments);
        for (int i = 0; i < carriers.parameterCount(); i++) {
            if (carriers.parameterType(i) != segments.parameterType(i)) {
                dispatch = MethodHandles.filterArguments(dispatch, i, OF_ADDRESS);
            }
        }
        this.dispatcher = dispatch;
        MethodHandle first = target != null ? checked(target, carriers) : dispatcher;
        this.slot = ffi.callbackSlot(descriptor);
        slot.site().setTarget(first);
    }

    /** The stub's descriptor: the C type's, with pointer arguments as 64-bit integers when asked. */
    static FunctionDescriptor descriptorOf(Ffi ffi, CType.Function type, boolean pointersAsAddresses) {
        FunctionDescriptor descriptor = ffi.layouts().descriptorOf(type);
        if (!pointersAsAddresses || java.lang.foreign.ValueLayout.ADDRESS.byteSize() != 8) {
            return descriptor;
        }
        java.lang.foreign.MemoryLayout[] arguments = descriptor.argumentLayouts().toArray(java.lang.foreign.MemoryLayout[]::new);
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof java.lang.foreign.AddressLayout) {
                arguments[i] = java.lang.foreign.ValueLayout.JAVA_LONG;
            }
        }
        return descriptor.returnLayout().isPresent() ? FunctionDescriptor.of(descriptor.returnLayout().get(), arguments)
                : FunctionDescriptor.ofVoid(arguments);
    }

    private static MethodHandle checked(MethodHandle target, MethodType carriers) {
        if (!target.type().equals(carriers)) {
            throw new IllegalArgumentException("a callback target must have the type " + carriers + ", not " + target.type());
        }
        return target;
    }

    /**
     * The type a target handle must have: the C parameters and result as their carriers
     * ({@code int}, {@code double}, {@link MemorySegment} for pointers, ...), as the FFM API
     * passes them to an upcall.
     */
    public MethodType carrierType() {
        return slot.site().type();
    }

    /** The function pointer to hand to C. */
    public MemorySegment pointer() {
        return slot.pointer();
    }

    /** Whether {@link #free()} was called: the pointer then refuses calls, or belongs to another callback. */
    public synchronized boolean isFreed() {
        return isFreed;
    }

    /** The C function type the pointer has: what C calls it with and what it returns. */
    public CType.Function type() {
        return type;
    }

    /** Replaces the handler; the function pointer stays the same (LuaJIT's {@code cb:set}). */
    public synchronized void set(Function<Object[], Object> newHandler) {
        requireLive();
        handler = java.util.Objects.requireNonNull(newHandler, "newHandler");
        if (slot.site().getTarget() != dispatcher) {
            slot.site().setTarget(dispatcher);
        }
    }

    /**
     * Replaces what the stub calls with {@code target}, of {@link #carrierType()}: no
     * conversion table and no argument array between C and the target. For language
     * runtimes that convert their own values. Exceptions are handled as for handlers.
     */
    public synchronized void set(MethodHandle target) {
        requireLive();
        slot.site().setTarget(checked(target, slot.site().type()));
    }

    /**
     * {@link #set(MethodHandle)} only while the stub still calls {@code expected}; whether it
     * did. For a runtime that relinks its own target as its code changes, where {@link #set},
     * {@link #free} or another relinking may have replaced it meanwhile.
     */
    public synchronized boolean replace(MethodHandle expected, MethodHandle target) {
        if (isFreed || slot.site().getTarget() != expected) {
            return false;
        }
        slot.site().setTarget(checked(target, slot.site().type()));
        return true;
    }

    /**
     * Frees the callback (LuaJIT's {@code cb:free}): its handler is released and a call of
     * the pointer raises {@link FreedCallbackException}, until a new callback of the same
     * C signature takes the stub over. Freeing twice is an error.
     */
    public synchronized void free() {
        requireLive();
        isFreed = true;
        handler = null;
        ffi.forget(this);
        ffi.retire(slot);
    }

    private void requireLive() {
        if (isFreed) {
            throw new IllegalStateException("the callback was already freed");
        }
    }

    /** {@code downcall} followed by {@link #rethrowPending()}, its result passed through. */
    static MethodHandle rethrowingPending(MethodHandle downcall) {
        return followedBy(downcall, AFTER_CALL);
    }

    /** {@code call}, then the {@code ()void} handle {@code after}, with call's result passed through. */
    static MethodHandle followedBy(MethodHandle call, MethodHandle after) {
        Class<?> returned = call.type().returnType();
        if (returned == void.class) {
            return MethodHandles.filterReturnValue(call, after);
        }
        // identity(x) preceded by after(): the value passes through once after has run.
        return MethodHandles.filterReturnValue(call, MethodHandles.foldArguments(MethodHandles.identity(returned), after));
    }

    /**
     * Rethrows, once, an exception a callback threw on this thread since the last check.
     * Checked exceptions come wrapped in {@link CallbackException}.
     */
    public static void rethrowPending() {
        if (PENDING_COUNT.get() == 0) {
            return;
        }
        Throwable pending = PENDING.get();
        if (pending == null) {
            return;
        }
        PENDING.remove();
        PENDING_COUNT.decrementAndGet();
        switch (pending) {
            case RuntimeException r -> throw r;
            case Error e -> throw e;
            default -> throw new CallbackException(pending);
        }
    }

    /**
     * The handler path: the C arguments (their carriers) converted by the table, the handler
     * called, its result converted back. What it throws, the stub's guard catches.
     */
    private Object dispatch(Object[] carriers) {
        Object[] arguments = new Object[carriers.length];
        for (int i = 0; i < carriers.length; i++) {
            CType parameter = type.parameterTypes().get(i);
            arguments[i] = typedArguments ? typed(carriers[i], parameter) : ffi.conversion().toJava(carriers[i], parameter);
        }
        Object result = handler.apply(arguments);
        CType returnType = ValueConversion.plain(type.returnType());
        if (returnType == Primitive.VOID) {
            return null;
        }
        return ffi.conversion().toNative(result, returnType, (size, alignment) -> {
            throw new IllegalArgumentException("a callback cannot return a value that needs a temporary copy (a string, byte[] or initializer list): the copy would dangle");
        });
    }

    private Object typed(Object carrier, CType parameter) {
        return switch (ValueConversion.plain(parameter)) {
            case CType.Pointer p -> CData.ofPointer(ffi, parameter, (MemorySegment) carrier);
            case dev.isthmus.cparser.type.RecordType r -> ffi.view(parameter, (MemorySegment) carrier);
            default -> ffi.conversion().toJava(carrier, parameter);
        };
    }

    /**
     * Keeps what a callback's target threw for {@link #rethrowPending()}; the first exception since the last
     * check wins.
     */
    static void recordPending(Throwable t) {
        if (PENDING.get() == null) {
            PENDING.set(t);
            PENDING_COUNT.incrementAndGet();
            if (!NONE_EVER_PENDING.hasBeenInvalidated()) {
                SwitchPoint.invalidateAll(new SwitchPoint[] {NONE_EVER_PENDING});
            }
        }
    }

    @Override
    public String toString() {
        return "callback " + TypeRenderer.render(CType.pointerTo(type)) + " at 0x" + Long.toHexString(slot.pointer().address());
    }
}
