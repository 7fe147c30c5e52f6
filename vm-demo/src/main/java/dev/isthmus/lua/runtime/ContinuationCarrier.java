package dev.isthmus.lua.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A coroutine as a JDK continuation ({@code jdk.internal.vm.Continuation}), run and
 * suspended on the resumer's own thread: the mechanism virtual threads are built on,
 * without their scheduler or a second thread. The JDK does not export it: the launcher
 * passes {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}, and without that
 * {@link ThreadCarrier} serves instead ({@code -Disthmus.coroutines=threads} forces it).
 * It is reached through method handles, so the build needs no internal API.
 *
 * <p>A continuation cannot be suspended while a native frame is on its stack (pinned): a
 * yield from inside a C callback is then the Lua error LuaJIT raises for the same thing,
 * "attempt to yield across C-call boundary". An abandoned suspended coroutine is an
 * ordinary object, reclaimed by the garbage collector.
 */
final class ContinuationCarrier implements CoroutineCarrier {
    private static final MethodHandle NEW_CONTINUATION;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;
    private static final Object SCOPE;
    static final boolean IS_AVAILABLE;

    static {
        MethodHandle create = null;
        MethodHandle run = null;
        MethodHandle yield = null;
        Object scope = null;
        if (!"threads".equals(System.getProperty("isthmus.coroutines"))
                && Object.class.getModule().isExported("jdk.internal.vm", ContinuationCarrier.class.getModule())) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class)).invoke("lua-coroutine");
                create = lookup.findConstructor(continuation, MethodType.methodType(void.class, scopeClass, Runnable.class))
                        .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                run = lookup.findVirtual(continuation, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                yield = lookup.findStatic(continuation, "yield", MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
            } catch (Throwable t) {
                create = null;
            }
        }
        NEW_CONTINUATION = create;
        RUN = run;
        YIELD = yield;
        SCOPE = scope;
        IS_AVAILABLE = create != null;
    }

    private final Object continuation;

    ContinuationCarrier(Runnable body) {
        try {
            this.continuation = (Object) NEW_CONTINUATION.invokeExact(SCOPE, body);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a continuation: " + t, t);
        }
    }

    @Override
    public void switchToCoroutine() {
        try {
            RUN.invokeExact(continuation);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void switchToResumer() {
        try {
            boolean ignored = (boolean) YIELD.invokeExact(SCOPE);
        } catch (IllegalStateException pinned) {
            // Continuation.onPinned's default: a native frame (a C callback) is on the stack.
            throw new LuaError("attempt to yield across C-call boundary");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void finish() {
        // The body returning ends the continuation's run.
    }
}
