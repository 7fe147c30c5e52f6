package dev.isthmus.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.function.Function;

/**
 * A C function pointer that calls a Java handler, like a LuaJIT callback. The handler
 * receives the C arguments converted by the conversion table and returns a value
 * converted back ({@code docs/ffi-conversions.md}).
 *
 * <p>Lifetime: a callback is not garbage collected, since C may keep its pointer anywhere.
 * It lives until {@link #free()}; {@link #set} replaces the handler while the pointer
 * stays the same. Calling a freed callback from C is undefined, as in LuaJIT.
 *
 * <p>Exceptions: a handler that throws never unwinds through native frames (that would
 * kill the JVM). The exception is kept, the callback returns zero (or NULL, or a zeroed
 * struct) to C, and when the enclosing {@link NativeFunction#invoke} returns, the
 * exception is rethrown there. Code calling through exact handles calls
 * {@link #rethrowPending()} after its downcall.
 */
public final class Callback {
    private static final MethodHandle DISPATCH;
    private static final MethodHandle FAILED;
    private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();
    /** How many threads hold a pending exception; lets every call skip the thread-local lookup when none does. */
    private static final java.util.concurrent.atomic.AtomicInteger PENDING_COUNT = new java.util.concurrent.atomic.AtomicInteger();

    static {
        try {
            DISPATCH = MethodHandles.lookup().findVirtual(Callback.class, "dispatch",
                    MethodType.methodType(Object.class, Object[].class));
            FAILED = MethodHandles.lookup().findVirtual(Callback.class, "failed",
                    MethodType.methodType(Object.class, Throwable.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Ffi ffi;
    private final CType.Function type;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment stub;
    /**
     * What the stub calls: the dispatcher of a Java handler, or a target handle. A mutable
     * call site, so the JIT compiler inlines the current target into the stub and
     * recompiles when {@link #set} replaces it.
     */
    private final MutableCallSite site;
    private final MethodHandle dispatcher;
    private volatile Function<Object[], Object> handler;

    /** A callback running a Java handler on the converted arguments. */
    Callback(Ffi ffi, CType.Function type, Function<Object[], Object> handler) {
        this(ffi, type, handler, null);
    }

    /** A callback whose stub calls {@code target} (of {@link #carrierType()}) directly; {@code handler} may be null. */
    Callback(Ffi ffi, CType.Function type, Function<Object[], Object> handler, MethodHandle target) {
        this.ffi = ffi;
        this.type = type;
        this.handler = handler;
        FunctionDescriptor descriptor = ffi.layouts().descriptorOf(type);
        MethodType carriers = descriptor.toMethodType();
        this.dispatcher = DISPATCH.bindTo(this)
                .asCollector(Object[].class, type.parameterTypes().size())
                .asType(carriers);
        this.site = new MutableCallSite(target != null ? checked(target, carriers) : dispatcher);
        // Whatever the target throws stays in Java: recorded for rethrowPending, zero to C.
        MethodHandle onThrow = MethodHandles.dropArguments(
                FAILED.bindTo(this).asType(MethodType.methodType(carriers.returnType(), Throwable.class)),
                1, carriers.parameterList());
        MethodHandle guarded = MethodHandles.catchException(site.dynamicInvoker(), Throwable.class, onThrow);
        this.stub = ffi.linker().upcallStub(guarded, descriptor, arena);
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
        return site.type();
    }

    /** The function pointer to hand to C. */
    public MemorySegment pointer() {
        return stub;
    }

    public CType.Function type() {
        return type;
    }

    /** Replaces the handler; the function pointer stays the same (LuaJIT's {@code cb:set}). */
    public void set(Function<Object[], Object> newHandler) {
        handler = java.util.Objects.requireNonNull(newHandler, "newHandler");
        if (site.getTarget() != dispatcher) {
            site.setTarget(dispatcher);
        }
    }

    /**
     * Replaces what the stub calls with {@code target}, of {@link #carrierType()}: no
     * conversion table and no argument array between C and the target. For language
     * runtimes that convert their own values. Exceptions are handled as for handlers.
     */
    public void set(MethodHandle target) {
        site.setTarget(checked(target, site.type()));
    }

    /** Frees the stub (LuaJIT's {@code cb:free}); C must not call the pointer afterwards. */
    public void free() {
        ffi.forget(this);
        arena.close();
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
            arguments[i] = ffi.conversion().toJava(carriers[i], type.parameterTypes().get(i));
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

    /** Called when the target threw: records the exception for {@link #rethrowPending()}; returns what C gets. */
    private Object failed(Throwable t) {
        if (PENDING.get() == null) {
            PENDING.set(t);
            PENDING_COUNT.incrementAndGet();
        }
        return zero();
    }

    /** What C gets from a handler that threw: zero of the return type. */
    private Object zero() {
        CType returnType = ValueConversion.plain(type.returnType());
        if (returnType == Primitive.VOID) {
            return null;
        }
        if (ffi.layouts().layoutOf(returnType) instanceof java.lang.foreign.GroupLayout group) {
            return Arena.ofAuto().allocate(group);
        }
        return ffi.conversion().toNative(returnType instanceof CType.Pointer ? null : (Object) 0, returnType, null);
    }

    @Override
    public String toString() {
        return "callback " + TypeRenderer.render(CType.pointerTo(type)) + " at 0x" + Long.toHexString(stub.address());
    }
}
