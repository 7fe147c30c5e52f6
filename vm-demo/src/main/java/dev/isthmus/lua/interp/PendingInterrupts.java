package dev.isthmus.lua.interp;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * Whether any Lua runtime of the JVM has an interrupt request pending (Ctrl-C), as a call
 * site compiled traces test at the end of each iteration ({@link #bootstrap}): C2 treats a mutable call site's target as a
 * constant, so the test costs nothing while no request is pending, and changing the target
 * deoptimizes the traces, which then see it and leave their loop for the interpreter, which
 * raises "interrupted!". The interpreter's own per-runtime flag stays the authority; this only
 * makes compiled loops look at it.
 */
public final class PendingInterrupts {
    private static final MutableCallSite SITE = new MutableCallSite(MethodHandles.constant(boolean.class, false));
    /**
     * The bootstrap of an {@code invokedynamic ()Z} that tests for a pending request: linked
     * to the call site itself, whose current target C2 folds to a constant.
     */
    public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type) {
        return SITE;
    }
    private static int pending;

    private PendingInterrupts() {
    }

    /** A runtime's request went from {@code before} to {@code now}. */
    static synchronized void changed(boolean before, boolean now) {
        if (before == now) {
            return;
        }
        boolean wasPending = pending > 0;
        pending += now ? 1 : -1;
        if (wasPending != pending > 0) {
            SITE.setTarget(MethodHandles.constant(boolean.class, pending > 0));
            MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        }
    }
}
