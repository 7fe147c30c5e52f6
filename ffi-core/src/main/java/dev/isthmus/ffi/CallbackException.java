package dev.isthmus.ffi;

/** A checked exception a callback handler threw, rethrown after the native call returned. */
public final class CallbackException extends RuntimeException {
    /** Wraps the checked exception a handler threw; {@link #getCause()} is that exception. */
    public CallbackException(Throwable cause) {
        super("a callback threw " + cause, cause);
    }
}
