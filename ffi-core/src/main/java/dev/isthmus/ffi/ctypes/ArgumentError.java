package dev.isthmus.ffi.ctypes;

/** ctypes' {@code ArgumentError}: an argument its type's {@code from_param} refused. */
public final class ArgumentError extends IllegalArgumentException {
    public ArgumentError(String message) {
        super(message);
    }
}
