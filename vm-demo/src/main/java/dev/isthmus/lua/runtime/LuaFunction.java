package dev.isthmus.lua.runtime;

/**
 * A Lua function value: a Lua closure or a function written in Java. Arguments and results are
 * arrays; nil is {@code null}. A function returns {@link #NONE} for no results.
 */
public abstract class LuaFunction {
    public static final Object[] NONE = new Object[0];

    /** Calls the function. Lua errors propagate as {@link LuaError}. */
    public abstract Object[] call(Object[] arguments);

    /** Calls the function for its first result alone (null when none); closures skip the result array. */
    public Object callForFirstResult(Object[] arguments) {
        Object[] results = call(arguments);
        return results.length == 0 ? null : results[0];
    }

    /**
     * Stands for a number passed or returned unboxed, its value in a {@code double} beside it
     * ({@link #callbackResultOf}; the interpreter's registers tag their numbers with it too).
     * Never a Lua value.
     */
    public static final Object UNBOXED_NUMBER = new Object() {
        @Override
        public String toString() {
            return "<unboxed number>";
        }
    };

    /**
     * {@link #UNBOXED_NUMBER} returned by a callback's call whose argument objects nothing
     * refers to any more (its compiled code kept them in its frame, and returned): the caller may
     * give them to its next call. Never a Lua value.
     */
    public static final Object UNBOXED_NUMBER_ARGUMENTS_FREE = new Object() {
        @Override
        public String toString() {
            return "<unboxed number, arguments free>";
        }
    };

    /**
     * A call from C (a callback) on {@code count} arguments, one or two, for its first result,
     * with numbers unboxed both ways so that the callback's conversions allocate no box: an
     * argument given as {@link #UNBOXED_NUMBER} is the {@code double} after it; a number result
     * may come back as {@link #UNBOXED_NUMBER}, its value then given by {@link #numberResult()},
     * which must be read before any other Lua code runs. Otherwise the first result, null when
     * there is none. This default boxes and calls {@link #callForFirstResult}; closures override it.
     */
    public Object callbackResultOf(int count, Object first, double firstNumber, Object second, double secondNumber) {
        Object a = first == UNBOXED_NUMBER ? (Object) firstNumber : first;
        if (count == 1) {
            return callForFirstResult(new Object[] {a});
        }
        return callForFirstResult(new Object[] {a, second == UNBOXED_NUMBER ? (Object) secondNumber : second});
    }

    /** The number the last {@link #callbackResultOf} returned as {@link #UNBOXED_NUMBER}. */
    public double numberResult() {
        throw new IllegalStateException(name() + " returned no unboxed number");
    }

    /** The name used in error messages and tracebacks ({@code print}, {@code string.format}). */
    public abstract String name();
}
