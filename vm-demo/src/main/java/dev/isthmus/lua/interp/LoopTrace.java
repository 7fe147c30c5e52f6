package dev.isthmus.lua.interp;

/**
 * The code of a compiled loop trace: runs the loop from its loop instruction with the frame's
 * values taken from the stack, and when a guard fails or the loop ends writes the values it
 * kept in JVM locals back into the frame's slots and returns the pc the interpreter resumes
 * at. A failure inside a call the trace makes comes out as {@link TraceCallFailure}, after
 * the frame was written back as it was before that call.
 */
public interface LoopTrace {
    /**
     * Or'ed into the pc returned when the trace stopped at another loop's instruction so that
     * the interpreter enters that loop's trace at once (a side trace handing over to it), rather
     * than run the instruction itself as it does where a trace left.
     */
    int ENTER = 1 << 30;

    /**
     * Or'ed into the number of results when a function trace made its function's return itself:
     * the results are from slot {@code base - 1} on, as RETURN leaves them, and the frame above
     * them is cleared.
     */
    int RETURNED = 1 << 29;

    int run(ValueStack stack, int base, LuaClosure closure, CallStack frames);
}
