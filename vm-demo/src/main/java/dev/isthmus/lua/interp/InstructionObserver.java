package dev.isthmus.lua.interp;

/**
 * Sees every instruction the interpreter is about to execute, with the frame holding its
 * operand values (register r is {@code registers.get(base + r)}): the one place a trace
 * recorder (or a debugger) attaches. While no observer is installed the interpreter pays
 * one field test per instruction. The JMP after a test instruction is not reported
 * separately: the test performs it.
 */
public interface InstructionObserver {
    void beforeInstruction(LuaClosure closure, int pc, ValueStack registers, int base, Object[] varargs);

    /** A loop instruction at {@code pc} has now run {@code count} times (hotness). */
    default void loopCounted(LuaClosure closure, int pc, int count) {
    }

    /**
     * Whether the compiled loop at {@code pc} of the activation at {@code base} may run now,
     * unobserved: a recorder that will not record the loop (its trace will call the loop's
     * trace) need not see its iterations one by one.
     */
    default boolean letsCompiledLoopRun(LuaClosure closure, int pc, ValueStack registers, int base) {
        return false;
    }
}
