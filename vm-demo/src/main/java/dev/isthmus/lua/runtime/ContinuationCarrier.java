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
    /**
     * Whether coroutines are continuations here: the launcher exported {@code jdk.internal.vm}
     * and no one asked for threads. Decided without the handles below, which are looked up
     * with the first coroutine: the main chunk's thread is chosen by this at every start, and
     * the lookups cost a few milliseconds that a script without coroutines need not pay.
     */
    static final boolean IS_AVAILABLE = !"threads".equals(System.getProperty("isthmus.coroutines"))
            && Object.class.getModule().isExported("jdk.internal.vm", ContinuationCarrier.class.getModule());

    /** The continuation API, reached through method handles so that the build needs no internal API. */
    private static final class Api {
        static final MethodHandle NEW_CONTINUATION;
        static final MethodHandle RUN;
        static final MethodHandle YIELD;
        static final Object SCOPE;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                SCOPE = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class)).invoke("lua-coroutine");
                NEW_CONTINUATION = lookup.findConstructor(continuation, MethodType.methodType(void.class, scopeClass, Runnable.class))
                        .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                RUN = lookup.findVirtual(continuation, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                YIELD = lookup.findStatic(continuation, "yield", MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
            } catch (Throwable t) {
                // Exported but not as this JDK release had it: a JDK this VM does not support.
                throw new ExceptionInInitializerError(t);
            }
        }
    }

    private final Object continuation;

    ContinuationCarrier(Runnable body) {
        try {
            this.continuation = (Object) Api.NEW_CONTINUATION.invokeExact(Api.SCOPE, body);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a continuation: " + t, t);
        }
    }

    @Override
    public void switchToCoroutine() {
        try {
            Api.RUN.invokeExact(continuation);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void switchToResumer() {
        try {
            boolean ignored = (boolean) Api.YIELD.invokeExact(Api.SCOPE);
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
