package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;

import java.util.BitSet;

/**
 * Which registers of a function may still be read when the interpreter resumes at a pc
 * (LuaJIT's snapshot use-def analysis, {@code snap_usedef}): a register written on every path
 * before it is read is dead there, and an exit need not write it. A dead register left out of
 * snapshots is also not carried around a loop (a local of the loop's body, written again in
 * each iteration, needs no PHI), so a table made in the loop and held only there does not
 * escape into the next iteration ({@link AllocationSinking}).
 *
 * <p>Conservative where the bytecode does not say: an instruction taking values up to the
 * interpreter's top (B or C = 0) reads every register from its first, a write on one path only
 * (TESTSET, a call's results, the loop variables of {@code for}) kills nothing, and a register
 * a closure of the function captured is always live (an upvalue may read it at any call).
 */
final class RegisterLiveness {
    private final BitSet[] liveIn;
    private final int frameSize;

    private RegisterLiveness(BitSet[] liveIn, int frameSize) {
        this.liveIn = liveIn;
        this.frameSize = frameSize;
    }

    /** Whether register {@code register} may be read when the function resumes at {@code pc}. */
    boolean isLive(int pc, int register) {
        return pc < 0 || pc >= liveIn.length || register >= frameSize || liveIn[pc].get(register);
    }

    static RegisterLiveness of(Prototype p) {
        int[] code = p.code();
        int count = code.length / 4;
        int frameSize = p.frameSize();
        BitSet captured = captured(p);
        BitSet[] use = new BitSet[count];
        BitSet[] def = new BitSet[count];
        int[][] successors = new int[count][];
        for (int pc = 0; pc < count; pc++) {
            use[pc] = new BitSet();
            def[pc] = new BitSet();
            successors[pc] = usesAndDefs(code, pc, frameSize, use[pc], def[pc]);
            use[pc].or(captured);
        }
        BitSet[] liveIn = new BitSet[count];
        for (int pc = 0; pc < count; pc++) {
            liveIn[pc] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pc = count - 1; pc >= 0; pc--) {
                BitSet live = new BitSet();
                for (int s : successors[pc]) {
                    if (s >= 0 && s < count) {
                        live.or(liveIn[s]);
                    } else {
                        live.set(0, frameSize);
                    }
                }
                live.andNot(def[pc]);
                live.or(use[pc]);
                if (!live.equals(liveIn[pc])) {
                    liveIn[pc] = live;
                    changed = true;
                }
            }
        }
        return new RegisterLiveness(liveIn, frameSize);
    }

    /** The instructions of {@code p} that some path from its first reaches (a final return after a return is not). */
    static BitSet reachable(Prototype p) {
        int[] code = p.code();
        int count = code.length / 4;
        BitSet reached = new BitSet(count);
        // (Successors are all this needs of usesAndDefs: the registers go to scratch sets.)
        BitSet use = new BitSet();
        BitSet def = new BitSet();
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        work.push(0);
        while (!work.isEmpty()) {
            int pc = work.pop();
            if (pc < 0 || pc >= count || reached.get(pc)) {
                continue;
            }
            reached.set(pc);
            for (int next : usesAndDefs(code, pc, p.frameSize(), use, def)) {
                work.push(next);
            }
        }
        return reached;
    }

    /** The registers closures made by the function capture. */
    private static BitSet captured(Prototype p) {
        BitSet captured = new BitSet();
        int[] code = p.code();
        for (int pc = 0; pc < code.length / 4; pc++) {
            if (code[pc * 4] == Op.CLOSURE) {
                for (Prototype.UpvalueSource source : p.prototypes().get(code[pc * 4 + 2]).upvalues()) {
                    if (source.fromParentRegister()) {
                        captured.set(source.index());
                    }
                }
            }
        }
        return captured;
    }

    /** Fills what the instruction at {@code pc} reads and writes on every path, and returns its successors. */
    private static int[] usesAndDefs(int[] code, int pc, int frameSize, BitSet use, BitSet def) {
        int op = code[pc * 4];
        int a = code[pc * 4 + 1];
        int b = code[pc * 4 + 2];
        int c = code[pc * 4 + 3];
        int next = pc + 1;
        switch (op) {
            case Op.MOVE, Op.UNM, Op.NOT, Op.LEN -> {
                use.set(b);
                def.set(a);
            }
            case Op.LOADK, Op.GETUPVAL, Op.GETGLOBAL, Op.NEWTABLE, Op.CLOSURE -> def.set(a);
            case Op.LOADBOOL -> {
                def.set(a);
                return c != 0 ? new int[] {pc + 2} : new int[] {next};
            }
            case Op.LOADNIL -> def.set(a, a + b);
            case Op.SETGLOBAL, Op.SETUPVAL -> use.set(a);
            case Op.GETTABLE -> {
                use.set(b);
                rk(use, c);
                def.set(a);
            }
            case Op.SETTABLE -> {
                use.set(a);
                rk(use, b);
                rk(use, c);
            }
            case Op.SELF -> {
                use.set(b);
                rk(use, c);
                def.set(a, a + 2);
            }
            case Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.POW -> {
                rk(use, b);
                rk(use, c);
                def.set(a);
            }
            case Op.CONCAT -> {
                use.set(b, c + 1);
                def.set(a);
            }
            case Op.JMP -> {
                return new int[] {next + b};
            }
            case Op.EQ, Op.LT, Op.LE -> {
                rk(use, b);
                rk(use, c);
                return new int[] {next, pc + 2};
            }
            case Op.TEST -> {
                use.set(a);
                return new int[] {next, pc + 2};
            }
            case Op.TESTSET -> {
                use.set(b);
                return new int[] {next, pc + 2};
            }
            case Op.CALL -> use.set(a, b == 0 ? frameSize : a + b);
            case Op.TAILCALL, Op.RETURN -> {
                use.set(a, b == 0 ? frameSize : Math.max(a, a + b - 1 + (op == Op.TAILCALL ? 1 : 0)));
                return new int[0];
            }
            case Op.FORLOOP -> {
                use.set(a, a + 3);
                return new int[] {next, next + b};
            }
            case Op.FORPREP -> {
                use.set(a, a + 3);
                return new int[] {next + b};
            }
            case Op.TFORLOOP -> {
                use.set(a, a + 3);
                return new int[] {next, next + b};
            }
            case Op.SETLIST -> use.set(a, b == 0 ? frameSize : a + b + 1);
            case Op.VARARG, Op.CLOSE, Op.LOOP -> {
            }
            default -> use.set(0, frameSize);
        }
        return new int[] {next};
    }

    private static void rk(BitSet use, int operand) {
        if (operand >= 0) {
            use.set(operand);
        }
    }
}
