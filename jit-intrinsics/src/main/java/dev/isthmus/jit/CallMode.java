package dev.isthmus.jit;

/**
 * Which of a {@link dev.isthmus.ffi.NativeFunction}'s exact handles a {@link NativeCall}
 * invokes. All three have the same type; they differ in what happens around the call.
 */
public enum CallMode {
    /**
     * {@code callingHandle()}: as the function's declaration asks ({@code isthmus:noerrno},
     * {@code isthmus:critical}; see {@code CallOptions}), and {@link #CAPTURING} for an
     * undecorated one. What the generic {@code invoke} calls.
     */
    AS_DECLARED,
    /**
     * {@code capturingHandle()}: what the generic {@code invoke} does for an undecorated declaration. {@code errno} is
     * captured for {@code Ffi.errno()}, and an exception a callback threw during the call is
     * rethrown when it returns. The safe choice, and the one that agrees with {@code invoke}.
     */
    CAPTURING,
    /**
     * {@code handle()}: the bare downcall. For functions that never call back into Java and
     * whose errno nobody reads; a callback's exception would wait for the next capturing call.
     */
    PLAIN,
    /**
     * {@code criticalHandle()} ({@code Linker.Option.critical}): cheapest, for short leaf
     * functions that neither call back into Java nor block (the JVM cannot reach a
     * safepoint during the call). An opt-in the VM's user makes, never a default.
     */
    CRITICAL,
    /**
     * {@code criticalHandle(true)}: {@link #CRITICAL}, and pointer arguments may be segments
     * of Java arrays ({@code MemorySegment.ofArray}), which C reads and writes in place: a
     * VM's byte strings and number arrays pass without a copy.
     */
    CRITICAL_HEAP
}
