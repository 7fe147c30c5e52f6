package dev.isthmus.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * One upcall stub and what it calls, kept for the life of the process: C may hold a
 * callback's address long after the callback was freed, so the stub's code is never
 * released. A freed callback's slot calls {@link #freedTarget}, which raises a
 * {@link FreedCallbackException} (kept for the caller like any callback exception,
 * C gets zero), and goes back to its {@link Ffi}'s pool for the next callback of the
 * same descriptor, as LuaJIT reuses its callback slots.
 *
 * <p>The stub's guard around the call site depends only on the descriptor: whatever the
 * current target throws is recorded by {@link Callback#recordPending} and C gets this
 * slot's zero value, so nothing ever unwinds into native frames (which would kill the JVM).
 */
final class CallbackSlot {
    private static final MethodHandle FAILED;
    private static final MethodHandle FREED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FAILED = lookup.findStatic(CallbackSlot.class, "failed", MethodType.methodType(Object.class, Object.class, Throwable.class));
            FREED = lookup.findStatic(CallbackSlot.class, "freed", MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FunctionDescriptor descriptor;
    private final MutableCallSite site;
    private final MemorySegment stub;
    private final MethodHandle freedTarget;

    CallbackSlot(Linker linker, FunctionDescriptor descriptor) {
        this.descriptor = descriptor;
        MethodType carriers = descriptor.toMethodType();
        this.freedTarget = MethodHandles.dropArguments(FREED.asType(MethodType.methodType(carriers.returnType())), 0, carriers.parameterList());
        this.site = new MutableCallSite(freedTarget);
        MethodHandle onThrow = MethodHandles.dropArguments(
                MethodHandles.insertArguments(FAILED, 0, zero(descriptor)).asType(MethodType.methodType(carriers.returnType(), Throwable.class)),
                1, carriers.parameterList());
        MethodHandle guarded = MethodHandles.catchException(site.dynamicInvoker(), Throwable.class, onThrow);
        this.stub = linker.upcallStub(guarded, descriptor, Arena.global());
    }

    /** What C gets from a callback whose target threw: zero of the result's carrier, a zeroed struct, or NULL. */
    private static Object zero(FunctionDescriptor descriptor) {
        if (descriptor.returnLayout().isEmpty()) {
            return null;
        }
        if (descriptor.returnLayout().get() instanceof GroupLayout group) {
            return Arena.global().allocate(group);
        }
        Class<?> carrier = descriptor.toMethodType().returnType();
        if (carrier == MemorySegment.class) {
            return MemorySegment.NULL;
        }
        return carrier == boolean.class ? (Object) false
                : carrier == char.class ? (Object) (char) 0
                : carrier == double.class ? (Object) 0.0
                : carrier == float.class ? (Object) 0.0f
                : carrier == long.class ? (Object) 0L
                : carrier == int.class ? (Object) 0
                : carrier == short.class ? (Object) (short) 0
                : (Object) (byte) 0;
    }

    FunctionDescriptor descriptor() {
        return descriptor;
    }

    MutableCallSite site() {
        return site;
    }

    MemorySegment pointer() {
        return stub;
    }

    /** Makes the stub refuse calls until the slot is taken again. */
    void retire() {
        site.setTarget(freedTarget);
    }

    boolean isRetired() {
        return site.getTarget() == freedTarget;
    }

    private static Object failed(Object zero, Throwable t) {
        Callback.recordPending(t);
        return zero;
    }

    private static Object freed() {
        throw new FreedCallbackException();
    }
}
