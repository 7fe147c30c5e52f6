package dev.isthmus.lua.runtime;

/**
 * A {@link LuaCallable} that can also be called with its arguments left in the caller's
 * registers and its first result returned alone: the interpreter's CALL takes this path
 * when exactly one result is wanted ({@code x = f(a, b)}), which saves the argument and
 * result arrays of an ordinary call. Both paths must give the same results and errors.
 */
public interface SingleResultCallable extends LuaCallable {
    /** The first result (null when there is none) of the call with {@code count} arguments from {@code registers[from]}. */
    Object callForOneResult(Object[] registers, int from, int count);
}
