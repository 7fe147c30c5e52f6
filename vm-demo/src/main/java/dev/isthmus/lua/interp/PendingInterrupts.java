package dev.isthmus.lua.interp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;

/**
 * Whether any Lua runtime of the JVM has an interrupt request pending (Ctrl-C), as compiled
 * traces test it at the end of each iteration ({@link #pending}): a mutable call site's
 * target, which C2 treats as a constant, so the test costs nothing while no request is pending,
 * and changing the target deoptimizes the traces, which then see it and leave their loop for
 * the interpreter, which raises "interrupted!". The interpreter's own per-runtime flag stays the
 * authority; this only makes compiled loops look at it.
 */
public final class PendingInterrupts {
    private static final MutableCallSite SITE = new MutableCallSite(MethodHandles.constant(boolean.class, false));

    /**
     * Whether a request is pending. Traces call this static method rather than link an
     * {@code invokedynamic} of their own: C2 inlines a call to a loaded class's method even
     * where the trace never ran it, but compiles an invokedynamic not yet linked (in a side
     * trace's code the interpreter never ran) as a trap, which deoptimized the whole tree the
     * first time that side trace ran (nsieve's tree was compiled 12 times). The target is read
     * from the call site itself ({@code SITE.getTarget()}), a constant C2 folds (with a
     * dependency that deoptimizes on change); through {@code SITE.dynamicInvoker()} held in a
     * field, C2 could not see the site and made a real call of the invoker in every iteration
     * of every compiled loop ({@code -XX:+PrintInlining}: "CallSite::getTarget ... not static
     * or statically bindable"), which also made C2 spill loop-carried doubles around it.
     */
    public static boolean pending() {
        try {
            return (boolean) SITE.getTarget().invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runtimes with a request pending. */
    private static int requests;

    private PendingInterrupts() {
    }

    /** A runtime's request went from {@code before} to {@code now}. */
    static synchronized void changed(boolean before, boolean now) {
        if (before == now) {
            return;
        }
        boolean wasPending = requests > 0;
        requests += now ? 1 : -1;
        if (wasPending != requests > 0) {
            SITE.setTarget(MethodHandles.constant(boolean.class, requests > 0));
            MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        }
    }
}
