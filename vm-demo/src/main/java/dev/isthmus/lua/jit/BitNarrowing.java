package dev.isthmus.lua.jit;

import dev.isthmus.lua.lib.IntOperation;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code tobit} of a sum computed on ints: {@code bit.rol(bxor(b, c) + a + x[i] + 0xd76aa478, 7)}
 * needs no number arithmetic and no conversion of the sum, because below 2^51 in magnitude
 * {@code tobit} wraps an integer modulo 2^32 ({@code BitLibrary.toBit}), and so does int
 * addition: {@code tobit(x + y) == tobit(x) + tobit(y)} for integers whose sum is that small
 * (the double sum is exact too). A sum's terms are narrowed in turn: an int made a number (a
 * loop index, a bit operation's result), an integral constant, another sum, and any other number
 * behind an {@link IrOp#INTOF} guard that it is an integer below 2^48, so that a sum of up
 * to 8 such terms stays within the bound. A recording narrows an argument of a bit operation only
 * when it is a sum (a lone number is converted by {@link IrOp#TOBIT}, which needs no guard).
 */
final class BitNarrowing {
    /** Below this magnitude {@code tobit} of an integer is its value modulo 2^32. */
    private static final double SUM_BOUND = 0x1p51;
    /** What an {@link IrOp#INTOF} guard lets through. */
    static final double TERM_BOUND = 0x1p48;
    private static final double INT_BOUND = 0x1p31;
    /** How deep a sum is followed into its terms before the rest is taken as one term. */
    private static final int DEPTH = 256;

    /** An int equal to {@code tobit} of a number, and a bound on the number's magnitude. */
    private record Narrowed(int ref, double bound) {
    }

    private final TraceRecorder recorder;
    private final TraceIr ir;
    /** Numbers already narrowed in this recording: a sum's terms are shared by the next sum. */
    private final Map<Integer, Narrowed> narrowed = new HashMap<>();

    BitNarrowing(TraceRecorder recorder, TraceIr ir) {
        this.recorder = recorder;
        this.ir = ir;
    }

    /**
     * An int ref equal to {@code tobit(ref)}, or {@link Ir#NONE} when {@code ref} is no sum, or
     * one whose terms may be too large: then the caller converts it with {@link IrOp#TOBIT}.
     */
    int toBit(int ref, int pc) {
        IrOp op = ir.at(ref).op;
        if (op != IrOp.ADD && op != IrOp.SUB) {
            return Ir.NONE;
        }
        Narrowed n = narrow(ref, 0, pc);
        return n == null ? Ir.NONE : n.ref();
    }

    private Narrowed narrow(int ref, int depth, int pc) {
        Narrowed known = narrowed.get(ref);
        if (known != null) {
            return known;
        }
        Narrowed n = narrowNew(ref, depth, pc);
        if (n != null) {
            narrowed.put(ref, n);
        }
        return n;
    }

    private Narrowed narrowNew(int ref, int depth, int pc) {
        Ir x = ir.at(ref);
        if (x.op == IrOp.TONUM && ir.typeOf(x.a) == IrType.INT) {
            return new Narrowed(x.a, INT_BOUND);
        }
        if (x.op == IrOp.KNUM) {
            double v = (Double) x.aux;
            return v == Math.rint(v) && Math.abs(v) < SUM_BOUND
                    ? new Narrowed(ir.emit(new Ir(IrOp.KINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, null,
                            dev.isthmus.lua.lib.BitLibrary.toBit(v), null, pc)), Math.abs(v))
                    : null;
        }
        if ((x.op == IrOp.ADD || x.op == IrOp.SUB) && depth < DEPTH) {
            Narrowed left = narrow(x.a, depth + 1, pc);
            Narrowed right = left == null ? null : narrow(x.b, depth + 1, pc);
            if (right != null && left.bound() + right.bound() < SUM_BOUND) {
                IntOperation operation = x.op == IrOp.ADD ? IntOperation.ADD : IntOperation.SUB;
                int sum = ir.emit(new Ir(IrOp.FINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, new int[] {left.ref(), right.ref()},
                        operation, operation.name().toLowerCase(java.util.Locale.ROOT), pc));
                return new Narrowed(sum, left.bound() + right.bound());
            }
        }
        if (x.type != IrType.NUM) {
            return null;
        }
        return new Narrowed(recorder.guard(new Ir(IrOp.INTOF, IrType.INT, ref, Ir.NONE, Ir.NONE, null, null, null, pc), pc), TERM_BOUND);
    }
}
