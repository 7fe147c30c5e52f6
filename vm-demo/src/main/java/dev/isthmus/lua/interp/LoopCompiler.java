package dev.isthmus.lua.interp;

/**
 * What the interpreter tells a trace compiler: a loop instruction became hot. The compiler
 * may start recording the next iteration (through an {@link InstructionObserver} it installs)
 * and later install a {@link CompiledLoop} in the prototype's {@code loopTraces}.
 */
public interface LoopCompiler {
    /** How many times a loop runs before it is hot; the interpreter reports it on reaching this count. */
    int hotLoop();

    /**
     * The loop instruction at {@code pc} of {@code closure}, in the frame at {@code base} that is
     * {@code depth} frames deep, has run {@link #hotLoop()} times since its counter was last reset.
     */
    void loopHot(LuaClosure closure, int pc, int base, int depth);
}
