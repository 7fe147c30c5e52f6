package dev.isthmus.lua.runtime;

import java.lang.invoke.MethodHandle;

/**
 * A callable whose call on Lua numbers also exists as a method handle of unboxed doubles: a C
 * function whose parameters and result are C numbers, with LuaJIT's conversions of a Lua
 * number to each parameter and of the result back to a Lua number built in. A trace compiler
 * calls it with {@code invokeExact} on doubles, so the JVM sees the native call as a constant.
 */
public interface NumericCallable {
    /**
     * The handle, of type {@code (double, ...)double}, or {@code (double, ...)void} for a void
     * function; null when some parameter or the result is not a C number.
     */
    MethodHandle numericHandle();

    /**
     * {@link #numericHandle()} with some parameters, and the result, as ints: parameter
     * {@code i} takes an int when {@code intArguments[i]} asks it to and converting that
     * integer as a number gives what converting it as an int does; the result is an int when
     * the C function returns a signed 32-bit integer. The handle's type says which are ints.
     */
    default MethodHandle numericHandle(boolean[] intArguments) {
        return numericHandle();
    }

    /**
     * The FFI that keeps the errno of this call, when it captures errno (an undecorated
     * declaration): compiled code may then take {@link dev.isthmus.ffi.Ffi#threadErrno()}'s two
     * addresses once and call {@link #numericHandleAt} with them, instead of
     * {@link #numericHandle(boolean[])}, which looks the thread's errno up on each call. Null
     * for a call that captures no errno.
     */
    default dev.isthmus.ffi.Ffi errnoKeeper() {
        return null;
    }

    /**
     * {@link #numericHandle(boolean[])} taking first the two addresses of the calling thread's
     * {@link dev.isthmus.ffi.ThreadErrno} of {@link #errnoKeeper()} ({@code long stateAddress,
     * long errnoAddress}). Only for a call that has an errno keeper.
     */
    default MethodHandle numericHandleAt(boolean[] intArguments) {
        throw new UnsupportedOperationException(symbol() + " captures no errno");
    }

    /** The C symbol called, which names the call in generated code. */
    String symbol();

    /**
     * Whether C may call back into Lua during the call. False for a critical call
     * ({@code isthmus:critical}), which must not (an upcall from one aborts the JVM): a trace
     * then assumes nothing changed across it without checking, and shows no pc during it.
     */
    default boolean mayCallBack() {
        return true;
    }
}
