package dev.isthmus.ffi.ctypes;

/** ctypes' {@code ArgumentError}: an argument its type's {@code from_param} refused. */
public final class ArgumentError extends IllegalArgumentException {
    /** An error whose message reads as Python's: {@code argument 2: TypeError: wrong type: String for c_double}. */
    public ArgumentError(String message) {
        super(message);
    }
}
