package dev.isthmus.lua.interp;

import java.lang.invoke.MethodHandle;

/**
 * How one C argument of a callback of one or two parameters becomes the value the Lua
 * function gets, as {@link CallbackMethod} writes it into the callback's method: each
 * argument passes as an object and a number ({@link dev.isthmus.lua.runtime.LuaFunction#callbackResultOf}).
 */
public sealed interface CallbackParameter {
    /**
     * A C integer of at most 32 bits or a floating type: a number, widened from its carrier
     * ({@code int}, {@code short}, {@code byte}, {@code float}, {@code double}) in bytecode,
     * an unsigned integer by its bits.
     */
    record Number(boolean isUnsigned) implements CallbackParameter {
    }

    /** A pointer, which C passes as its address ({@code long}): {@code kept} makes the Lua object of it. */
    record Pointer(KeptArgument kept) implements CallbackParameter {
    }

    /** Any other argument (a {@code bool}, a 64-bit integer): {@code filter}, of type {@code (carrier)Object}, makes its object. */
    record Converted(MethodHandle filter) implements CallbackParameter {
    }
}
