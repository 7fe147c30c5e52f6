package dev.isthmus.ffi;

/**
 * A callback was called after {@link Callback#free()}: raised inside the stub, so it reaches
 * the caller as any exception of a callback does (C gets zero, the exception is rethrown
 * when the downcall returns), never as a jump to released code.
 */
public final class FreedCallbackException extends IllegalStateException {
    /** The exception a freed callback's stub raises. */
    public FreedCallbackException() {
        super("a freed callback was called");
    }
}
