package dev.isthmus.lua.interp;

import java.lang.invoke.MethodHandle;

/**
 * How a callback's number result becomes the carrier C gets, as {@link CallbackMethod} writes
 * it into the callback's method: in bytecode for the common types, through a handle for the rest.
 */
public sealed interface CallbackResult {
    /** A {@code double} as it is, or rounded to {@code float} for a {@code float} carrier. */
    record Floating() implements CallbackResult {
    }

    /**
     * A C integer that LuaJIT converts from a double as an {@code int32_t} (NaN and anything out
     * of range giving {@code INT32_MIN}; {@code FfiFunctions.doubleToInt32}), its low bits kept
     * in the carrier ({@code int}, {@code short}, {@code char}, {@code byte}).
     */
    record Int32() implements CallbackResult {
    }

    /** Any other conversion: {@code fromNumber}, of type {@code (double)carrier}. */
    record Converted(MethodHandle fromNumber) implements CallbackResult {
    }
}
