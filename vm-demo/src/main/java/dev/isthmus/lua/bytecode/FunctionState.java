package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.LuaSyntaxError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's state for one function being compiled: emitted code, constants, registers,
 * active locals in nested blocks, upvalues, and pending jumps for {@code break} and
 * {@code goto}. The registers below {@link #freeRegister} hold active locals or live
 * temporaries; a statement leaves {@code freeRegister} at the number of active locals.
 */
final class FunctionState {
    final FunctionState parent;
    final String chunkName;
    private int[] code = new int[64];
    private int[] lines = new int[16];
    int pcCount;
    final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new HashMap<>();
    final List<Prototype> prototypes = new ArrayList<>();
    final List<Prototype.UpvalueSource> upvalues = new ArrayList<>();
    final List<String> upvalueNames = new ArrayList<>();
    final List<Prototype.LocalVariable> localDebug = new ArrayList<>();
    final Map<Integer, String> operandNames = new HashMap<>();
    private final List<ActiveLocal> active = new ArrayList<>();
    int freeRegister;
    int maxRegisters = 2;
    Block block;

    /** An active local: its name, register, where its debug record starts, and whether it is ever assigned. */
    record ActiveLocal(String name, int register, int startPc, Prototype.VariableWrites writes) {
    }

    /** A lexical block: how many locals were active at its start, whether any of its locals is captured, and loop bookkeeping. */
    static final class Block {
        final Block enclosing;
        final int activeAtStart;
        final boolean isLoop;
        boolean hasCapturedLocal;
        final List<Integer> breakJumps = new ArrayList<>();
        final Map<String, int[]> labels = new HashMap<>();
        final List<PendingGoto> pendingGotos = new ArrayList<>();

        Block(Block enclosing, int activeAtStart, boolean isLoop) {
            this.enclosing = enclosing;
            this.activeAtStart = activeAtStart;
            this.isLoop = isLoop;
        }
    }

    /** A forward {@code goto}: the CLOSE placeholder before its jump, the jump, and the active locals where it stands. */
    record PendingGoto(String label, int closePc, int jumpPc, int activeCount, int freeRegister, int line) {
    }

    FunctionState(FunctionState parent, String chunkName) {
        this.parent = parent;
        this.chunkName = chunkName;
    }

    int emit(Opcode op, int a, int b, int c, int line) {
        if ((pcCount + 1) * 4 > code.length) {
            code = Arrays.copyOf(code, code.length * 2);
        }
        if (pcCount + 1 > lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        int at = pcCount * 4;
        code[at] = op.ordinal();
        code[at + 1] = a;
        code[at + 2] = b;
        code[at + 3] = c;
        lines[pcCount] = line;
        return pcCount++;
    }

    /** Emits a jump to be patched later; returns its pc. */
    int emitJump(int line) {
        return emit(Opcode.JMP, 0, 0, 0, line);
    }

    /** Makes the jump at {@code pc} (operand B, or the FOR/TFOR loop's B) land at {@code target}. */
    void patchJump(int pc, int target) {
        code[pc * 4 + 2] = target - (pc + 1);
    }

    void patchJumps(List<Integer> pcs, int target) {
        for (int pc : pcs) {
            patchJump(pc, target);
        }
    }

    void rewriteOpcode(int pc, Opcode op) {
        code[pc * 4] = op.ordinal();
    }

    /** The name of the active local at {@code index}. */
    String findNameOfActive(int index) {
        return active.get(index).name();
    }

    void setOperandA(int pc, int a) {
        code[pc * 4 + 1] = a;
    }

    int constant(Object value) {
        Integer index = constantIndex.get(value);
        if (index == null) {
            index = constants.size();
            constants.add(value);
            constantIndex.put(value, index);
        }
        return index;
    }

    /** Cdata constants are distinct objects even when equal in value, so they are never shared by key. */
    int uniqueConstant(Object value) {
        constants.add(value);
        return constants.size() - 1;
    }

    int allocateRegisters(int count, int line) {
        int first = freeRegister;
        freeRegister += count;
        if (freeRegister > maxRegisters) {
            if (freeRegister > 250) {
                throw new LuaSyntaxError(chunkName, line, "function or expression too complex", null);
            }
            maxRegisters = freeRegister;
        }
        return first;
    }

    int activeCount() {
        return active.size();
    }

    /**
     * Makes the next local's register (which the caller has filled) an active local named
     * {@code name}. The parser has refused a 201st active local already (LexicalScopes).
     */
    void activateLocal(String name, int register) {
        active.add(new ActiveLocal(name, register, pcCount, Prototype.VariableWrites.declared()));
    }

    ActiveLocal findLocal(String name) {
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).name().equals(name)) {
                return active.get(i);
            }
        }
        return null;
    }

    /** Marks the block declaring the local in {@code register} as having a captured local. */
    void markCaptured(int register) {
        Block b = block;
        while (b != null && b.activeAtStart > indexOfRegister(register)) {
            b = b.enclosing;
        }
        if (b != null) {
            b.hasCapturedLocal = true;
        }
    }

    private int indexOfRegister(int register) {
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).register() == register) {
                return i;
            }
        }
        return 0;
    }

    int findUpvalue(String name) {
        return upvalueNames.indexOf(name);
    }

    /** Records that upvalue {@code index}'s variable is assigned (a {@code SETUPVAL}). */
    void markUpvalueAssigned(int index) {
        upvalues.get(index).writes().markAssigned();
    }

    int addUpvalue(String name, Prototype.UpvalueSource source) {
        upvalueNames.add(name);
        upvalues.add(source);
        return upvalues.size() - 1;
    }

    void enterBlock(boolean isLoop) {
        block = new Block(block, active.size(), isLoop);
    }

    /** Ends the innermost block: retires its locals and frees their registers. Returns the block for loop patching. */
    Block leaveBlock() {
        Block b = block;
        while (active.size() > b.activeAtStart) {
            ActiveLocal l = active.removeLast();
            localDebug.add(new Prototype.LocalVariable(l.name(), l.register(), l.startPc(), pcCount));
        }
        freeRegister = b.activeAtStart == 0 ? 0 : active.get(b.activeAtStart - 1).register() + 1;
        block = b.enclosing;
        return b;
    }

    /** The first register of the innermost block's locals. */
    int blockBaseRegister(Block b) {
        return b.activeAtStart == 0 ? 0 : active.get(b.activeAtStart - 1).register() + 1;
    }

    int registerOfActive(int index) {
        return active.get(index).register();
    }

    Prototype finish(String name, int lineDefined, int lastLine, int parameterCount, boolean isVararg) {
        while (!active.isEmpty()) {
            ActiveLocal l = active.removeLast();
            localDebug.add(new Prototype.LocalVariable(l.name(), l.register(), l.startPc(), pcCount));
        }
        return new Prototype(chunkName, name, lineDefined, lastLine, parameterCount, isVararg, maxRegisters,
                Arrays.copyOf(code, pcCount * 4), Arrays.copyOf(lines, pcCount), constants.toArray(),
                prototypes, upvalues, upvalueNames, localDebug, operandNames);
    }
}
