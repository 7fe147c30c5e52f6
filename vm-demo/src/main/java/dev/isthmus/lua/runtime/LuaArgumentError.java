package dev.isthmus.lua.runtime;

/**
 * A "bad argument" error from a library function. Its message names the function as the
 * call site did ({@code bad argument #1 to 'insert'}), which only the interpreter knows:
 * it completes the message where the call instruction is, with '?' for a tail call (as
 * LuaJIT, which has no calling frame to ask then) and one less for method calls
 * ({@code s:rep()} counts {@code s} as the receiver, not argument 1).
 */
public final class LuaArgumentError extends LuaError {
    private final int argument;
    private final String functionName;
    private final String detail;

    public LuaArgumentError(int argument, String functionName, String detail) {
        // Until a call site names the function, it is '?': what LuaJIT says when C calls C (pcall(string.rep)).
        super("bad argument #" + argument + " to '?' (" + detail + ")");
        this.argument = argument;
        this.functionName = functionName;
        this.detail = detail;
    }

    /** The message as seen from a call site that names the function {@code callName} ('?' when unknown). */
    public String messageFor(String callName, boolean isMethodCall) {
        if (isMethodCall) {
            if (argument == 1) {
                return "calling '" + callName + "' on bad self (" + detail + ")";
            }
            return "bad argument #" + (argument - 1) + " to '" + callName + "' (" + detail + ")";
        }
        return "bad argument #" + argument + " to '" + callName + "' (" + detail + ")";
    }

    public String functionName() {
        return functionName;
    }
}
