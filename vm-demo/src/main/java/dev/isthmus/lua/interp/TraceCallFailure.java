package dev.isthmus.lua.interp;

/**
 * An error raised by a call a compiled trace made, with the pc of the instruction the trace
 * was executing: the interpreter positions and traces the error at that pc, exactly as if it
 * had executed the instruction itself. The frame's slots were written back before.
 */
public final class TraceCallFailure extends RuntimeException {
    private final int pc;

    public TraceCallFailure(int pc, Throwable cause) {
        super(null, cause, false, false);
        this.pc = pc;
    }

    int pc() {
        return pc;
    }

}
