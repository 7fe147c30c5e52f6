package dev.isthmus.lua.bytecode;

import java.util.List;
import java.util.Map;

/**
 * A compiled Lua function: code, constants, nested prototypes, how its closure captures
 * upvalues, and debug information (lines, local variable names, and what each operand of a
 * failing instruction was called in the source, for messages like
 * {@code attempt to index local 'x' (a nil value)}).
 *
 * @param code four ints per instruction (see {@link Opcode})
 * @param lines the source line of each instruction
 * @param constants numbers ({@code Double}), strings ({@code LuaString}) and cdata literals
 * @param upvalues where each upvalue of a closure comes from when the closure is created
 * @param frameSize registers the frame needs
 * @param operandNames key {@code pc << 8 | register}: the source description of the value in that register at that pc
 * @param loopCounts per instruction: how often the loop instruction there has run (the interpreter's hotness
 *                   counters), and one more entry, at {@link #functionEntry}, for the calls of the function
 * @param loopTraces per instruction: the compiled trace entered at the loop instruction there, or null (typed
 *                   {@code Object} because this package knows nothing of the trace compiler: the interpreter casts),
 *                   and at {@link #functionEntry} the function trace entered when the function is called
 */
public record Prototype(String chunkName, String name, int lineDefined, int lastLineDefined, int parameterCount,
                        boolean isVararg, int frameSize, int[] code, int[] lines, Object[] constants,
                        List<Prototype> prototypes, List<UpvalueSource> upvalues, List<String> upvalueNames,
                        List<LocalVariable> locals, Map<Integer, String> operandNames, int[] loopCounts, Object[] loopTraces,
                        ClosureCount closures) {

    /** A prototype whose loops have not run yet: counters at zero, no traces. */
    public Prototype(String chunkName, String name, int lineDefined, int lastLineDefined, int parameterCount,
                     boolean isVararg, int frameSize, int[] code, int[] lines, Object[] constants,
                     List<Prototype> prototypes, List<UpvalueSource> upvalues, List<String> upvalueNames,
                     List<LocalVariable> locals, Map<Integer, String> operandNames) {
        this(chunkName, name, lineDefined, lastLineDefined, parameterCount, isVararg, frameSize, code, lines, constants,
                prototypes, upvalues, upvalueNames, locals, operandNames, new int[code.length / 4 + 1], new Object[code.length / 4 + 1],
                new ClosureCount());
    }

    /**
     * How many closures of the prototype were ever made. While there is one, a trace may take
     * it as known (behind a guard at entry) and fold the values of its never-assigned upvalues;
     * a function defined once at a module's top level, as most are, stays at one.
     */
    public static final class ClosureCount {
        private int made;

        public void made() {
            if (made < 2) {
                made++;
            }
        }

        public boolean isOne() {
            return made == 1;
        }
    }

    /**
     * The index in {@link #loopCounts} and {@link #loopTraces} that stands for the function's
     * entry (past its last instruction): how often it was called, and its function trace.
     */
    public int functionEntry() {
        return code.length / 4;
    }

    /**
     * The first register a call with {@code argc} arguments sets to nil: a missing parameter, or
     * the first local; from there to {@link #frameExtent} the frame starts nil.
     */
    public int firstClearedRegister(int argc) {
        return Math.min(argc, parameterCount);
    }

    /** The registers a call with {@code argc} arguments occupies: the frame, or the arguments past it (dropped). */
    public int frameExtent(int argc) {
        return Math.max(frameSize, argc);
    }

    public Prototype {
        prototypes = List.copyOf(prototypes);
        upvalues = List.copyOf(upvalues);
        upvalueNames = List.copyOf(upvalueNames);
        locals = List.copyOf(locals);
        operandNames = Map.copyOf(operandNames);
    }

    /**
     * Where a closure's upvalue comes from: the creating function's register {@code index}
     * ({@code fromParentRegister}) or the creating function's own upvalue {@code index}, and
     * what the compiler saw of the variable's assignments.
     */
    public record UpvalueSource(boolean fromParentRegister, int index, VariableWrites writes) {
        /** A source read from a binary chunk, whose variable may be assigned anywhere. */
        public UpvalueSource(boolean fromParentRegister, int index) {
            this(fromParentRegister, index, VariableWrites.assigned());
        }

        /**
         * Whether the variable keeps the value it was declared with: no assignment to it exists in
         * its scope, in the declaring function or in any closure (only the debug library can change
         * it then). A trace may take such an upvalue's value of a known closure as a constant.
         */
        public boolean isFixed() {
            return !writes.isAssigned();
        }
    }

    /**
     * Whether a local variable is assigned after its declaration anywhere in its scope. The
     * compiler marks it as it meets an assignment; a whole chunk is compiled before any of it
     * runs, so the mark is final by the time a closure over the variable exists. One object is
     * shared by the local and every upvalue over it, down the chain of nested functions.
     */
    public static final class VariableWrites {
        private boolean assigned;

        public static VariableWrites declared() {
            return new VariableWrites();
        }

        public static VariableWrites assigned() {
            VariableWrites w = new VariableWrites();
            w.assigned = true;
            return w;
        }

        public void markAssigned() {
            assigned = true;
        }

        public boolean isAssigned() {
            return assigned;
        }
    }

    /** A local variable's name, register, and the pc range in which it is active. */
    public record LocalVariable(String name, int register, int startPc, int endPc) {
    }

    public int instructionCount() {
        return code.length / 4;
    }

    /** The source description of register {@code register}'s value at {@code pc} ({@code local 'x'}), or null. */
    public String operandName(int pc, int register) {
        return operandNames.get(pc << 8 | register);
    }
}
