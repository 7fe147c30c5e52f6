package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The upcall stub behind a {@link CFuncType} callback. Its code is never released: C may
 * keep a callback's address after the callback's arena closed (a stored comparator, a
 * registered handler), and a jump into released code would kill the process. So the stub
 * lives in the global arena, the arena a callback was made in only decides how long the
 * stub stays bound to its handler, and a call after that is reported as ctypes reports a
 * failed callback ("Exception ignored on calling ctypes callback function: ...") while C
 * gets zero. A released stub goes back to a pool and serves the next callback of the same
 * descriptor, as LuaJIT reuses its callback slots: a pointer C kept too long may reach a
 * newer callback of the same shape, never freed code.
 *
 * <p>Nothing a call does may unwind into the native caller (that kills the JVM too), so the
 * whole target, the conversion of the result to its carrier included, runs inside one
 * exception handler that reports and returns the zero of the result's carrier.
 */
final class CallbackStub {
    private static final MethodHandle DISPATCH;
    private static final MethodHandle FAILED;
    private static final Map<FunctionDescriptor, ArrayDeque<CallbackStub>> RELEASED = new HashMap<>();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DISPATCH = lookup.findVirtual(CallbackStub.class, "dispatch", MethodType.methodType(Object.class, Object[].class));
            FAILED = lookup.findVirtual(CallbackStub.class, "failed", MethodType.methodType(Object.class, Throwable.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MemorySegment code;
    /** The type whose conversions calls use, and whose zero result a failed call gives. */
    private volatile CFuncType type;
    /** What calls run; {@code null} once the callback's arena closed. */
    private volatile Function<Object[], Object> handler;

    private CallbackStub(CFuncType type, FunctionDescriptor descriptor) {
        this.type = type;
        MethodType carriers = descriptor.toMethodType();
        MethodHandle target = DISPATCH.bindTo(this).asCollector(Object[].class, carriers.parameterCount()).asType(carriers);
        MethodHandle onThrow = MethodHandles.dropArguments(
                FAILED.bindTo(this).asType(MethodType.methodType(carriers.returnType(), Throwable.class)), 1, carriers.parameterList());
        this.code = Linker.nativeLinker().upcallStub(MethodHandles.catchException(target, Throwable.class, onThrow),
                descriptor, Arena.global());
    }

    /**
     * A callback of {@code type} calling {@code handler}: a pointer to a stub bound to it until
     * {@code arena} closes. The pointer's scope is the arena's, so ctypes refuses to pass it
     * after that; C may still call the address it kept.
     */
    static MemorySegment bind(CFuncType type, FunctionDescriptor descriptor, Function<Object[], Object> handler, Arena arena) {
        CallbackStub stub;
        synchronized (RELEASED) {
            ArrayDeque<CallbackStub> released = RELEASED.get(descriptor);
            stub = released == null ? null : released.poll();
        }
        if (stub == null) {
            stub = new CallbackStub(type, descriptor);
        }
        stub.type = type;
        stub.handler = handler;
        CallbackStub bound = stub;
        return stub.code.reinterpret(arena, code -> bound.release(descriptor));
    }

    private void release(FunctionDescriptor descriptor) {
        handler = null;
        synchronized (RELEASED) {
            RELEASED.computeIfAbsent(descriptor, d -> new ArrayDeque<>()).add(this);
        }
    }

    private Object dispatch(Object[] carriers) {
        Function<Object[], Object> target = handler;
        if (target == null) {
            throw new FreedCallbackError();
        }
        return type.call(target, carriers);
    }

    private Object failed(Throwable t) {
        System.err.println("Exception ignored on calling ctypes callback function: "
                + (t instanceof FreedCallbackError ? t.getMessage() : t));
        return type.zeroResult();
    }

    /** A call reached a stub whose callback's arena had closed. */
    private static final class FreedCallbackError extends RuntimeException {
        FreedCallbackError() {
            super("ValueError: the callback was called after its arena closed", null, false, false);
        }
    }
}
