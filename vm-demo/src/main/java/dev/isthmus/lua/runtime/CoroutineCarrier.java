package dev.isthmus.lua.runtime;

/**
 * How a {@link Coroutine} gets a Java stack of its own and hands control back and forth.
 * Two implementations: {@link ContinuationCarrier}, the JDK's one-shot continuations (the
 * mechanism under virtual threads, used directly: about 100 ns a switch, on the resumer's
 * own thread), when the JVM exports {@code jdk.internal.vm} to us; otherwise
 * {@link ThreadCarrier}, a virtual thread per coroutine and a hand-over between threads
 * (some microseconds a switch), which needs nothing but the public API.
 */
interface CoroutineCarrier {
    /** Runs the coroutine (its body on the first call) until it next switches back; returns then. */
    void switchToCoroutine();

    /** Called from the coroutine's body: returns control to the resumer until the next {@link #switchToCoroutine}. */
    void switchToResumer();

    /** Called as the body's last act, on the coroutine's stack. */
    void finish();

    /** The carrier for a new coroutine running {@code body}. */
    static CoroutineCarrier create(Runnable body) {
        return ContinuationCarrier.IS_AVAILABLE ? new ContinuationCarrier(body) : new ThreadCarrier(body);
    }

    /** Which carrier new coroutines get: "continuations" or "threads". */
    static String kind() {
        return ContinuationCarrier.IS_AVAILABLE ? "continuations" : "threads";
    }
}
