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

    /**
     * {@code closure}'s function, entered at {@code base} (its arguments in place) {@code depth}
     * frames deep, has been called {@link #hotLoop()} times since its counter was last reset;
     * the compiler may record this call and install a trace at {@code Prototype.functionEntry}.
     */
    void functionHot(LuaClosure closure, int base, int depth);

    /**
     * The debug library wrote a local or an upvalue of a function from outside it, or joined
     * two upvalues: what the compiler assumed of variables never assigned may no longer hold.
     */
    default void variablesRewritten() {
    }

    /**
     * {@code p}'s functions were handed to C as a callback: C code calls them through the JDK's
     * upcall, whose compiled code should take in their function trace's direct entry.
     */
    default void calledFromC(dev.isthmus.lua.bytecode.Prototype p) {
    }
}
