package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.ffi.Cdata;

/**
 * The recording of 64-bit integer cdata ({@code 1LL}, {@code ffi.new("uint64_t", n)}, results
 * of their arithmetic) as JVM longs: a register holding one is unboxed once, behind a guard on
 * its kind ({@link IrOp#I64UNBOX}), arithmetic on it and on numbers is {@link IrOp#I64ARITH}
 * with LuaJIT's wrap-around results, a comparison an {@link IrOp#I64CMP} guard, and the value is
 * made a cdata again ({@link IrOp#I64BOX}) only where it escapes: stored, passed to a call,
 * written to the frame at an exit ({@link ExitWriter}). Pointers, enums and 64-bit cdata with
 * storage are not this: they stay Lua values.
 */
final class Int64Recording {
    private final TraceRecorder recorder;

    Int64Recording(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * The kind of the 64-bit integer {@code ref} is, or null when it is no such value (a number,
     * a Lua value, an address). Every instruction making one names its kind; a PHI has its
     * entry value's.
     */
    static Int64Kind kindOf(TraceIr ir, int ref) {
        Ir x = ir.at(ref);
        return switch (x.op) {
            case KI64, I64UNBOX, I64FROMNUM, I64ARITH -> (Int64Kind) x.aux2;
            case PHI -> x.type == IrType.LONG ? kindOf(ir, x.a) : null;
            default -> null;
        };
    }

    /** Whether {@code ref} is a 64-bit integer kept as a long. */
    static boolean isInt64(TraceIr ir, int ref) {
        return kindOf(ir, ref) != null;
    }

    /** {@code ref}, a Lua value that is {@code value} now, as a long behind a guard on its kind when it is a 64-bit integer; else {@code ref}. */
    int unboxed(int ref, Object value, int exitPc) {
        if (!(value instanceof Cdata.Int64 i)) {
            return ref;
        }
        return recorder.guard(new Ir(IrOp.I64UNBOX, IrType.LONG, ref, Ir.NONE, Ir.NONE, null, null, Int64Kind.of(i), exitPc), exitPc);
    }

    int constant(Cdata.Int64 k, int pc) {
        return recorder.ir.emit(new Ir(IrOp.KI64, IrType.LONG, Ir.NONE, Ir.NONE, Ir.NONE, null, k.value(), Int64Kind.of(k), pc));
    }

    /** A 64-bit integer as a Lua value (a new cdata); anything else as it is. */
    int boxed(int ref, int pc) {
        Int64Kind kind = kindOf(recorder.ir, ref);
        return kind == null ? ref : recorder.ir.emit(new Ir(IrOp.I64BOX, IrType.REF, ref, Ir.NONE, Ir.NONE, null, null, kind, pc));
    }

    /**
     * Arithmetic {@code op} (the bytecode's ADD to POW, or UNM with {@code y} = {@code x}) on
     * {@code x} and {@code y} when one is a 64-bit integer and the other one too or a number,
     * as {@code CdataArithmetic.arith} does it: unsigned when either is, a number converted to
     * the result's kind; {@link Ir#NONE} otherwise (the general path).
     */
    int arith(int op, int x, int y, int pc) {
        Int64Kind kind = operationKind(x, y);
        if (kind == null) {
            return Ir.NONE;
        }
        if (op == Op.UNM) {
            // The operand's own kind: -x of an unsigned x is unsigned.
            return recorder.ir.emit(new Ir(IrOp.I64ARITH, IrType.LONG, x, Ir.NONE, Ir.NONE, null, "unm", kind, pc));
        }
        String name = switch (op) {
            case Op.ADD -> "add";
            case Op.SUB -> "sub";
            case Op.MUL -> "mul";
            case Op.DIV -> "div";
            case Op.MOD -> "mod";
            default -> "pow";
        };
        return recorder.ir.emit(new Ir(IrOp.I64ARITH, IrType.LONG, converted(x, kind, pc), converted(y, kind, pc), Ir.NONE, null, name, kind, pc));
    }

    /**
     * The comparison {@code relation} of {@code x} and {@code y} (one a 64-bit integer, the
     * other one too or a number; {@code xValue} and {@code yValue} what they are now) as the
     * relation that holds now, {@code relation} or its negation, or null when it takes the
     * general path. Compared as {@code CdataArithmetic} compares them: both converted to the
     * kind of the operation (unsigned when either is), no metamethod.
     */
    Compare outcome(int x, int y, Object xValue, Object yValue, Compare relation) {
        Int64Kind kind = operationKind(x, y);
        if (kind == null) {
            return null;
        }
        long bx = bitsOf(xValue, kind);
        long by = bitsOf(yValue, kind);
        int c = kind.isUnsigned() ? Long.compareUnsigned(bx, by) : Long.compare(bx, by);
        boolean holds = switch (relation) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
        return holds ? relation : relation.negate();
    }

    /** A guard that {@code x} and {@code y}, for which {@link #outcome} gave {@code holding}, still compare so; leaving at {@code exitPc}. */
    void guardOutcome(int x, int y, Compare holding, int exitPc, int pc) {
        Int64Kind kind = operationKind(x, y);
        recorder.guard(new Ir(IrOp.I64CMP, IrType.VOID, converted(x, kind, pc), converted(y, kind, pc), Ir.NONE, null, holding, kind, pc), exitPc);
    }

    private static long bitsOf(Object value, Int64Kind kind) {
        return value instanceof Cdata.Int64 i ? i.value() : dev.isthmus.lua.ffi.CdataTraces.toInteger((Double) value, 8, kind.isUnsigned());
    }

    /**
     * The kind of an operation on {@code x} and {@code y} when one is a 64-bit integer and the
     * other one too (of the same library) or a number: unsigned when either is. Null otherwise.
     */
    private Int64Kind operationKind(int x, int y) {
        TraceIr ir = recorder.ir;
        Int64Kind kx = kindOf(ir, x);
        Int64Kind ky = kindOf(ir, y);
        if (kx == null && ky == null || kx == null && ir.typeOf(x) != IrType.NUM || ky == null && ir.typeOf(y) != IrType.NUM
                || kx != null && ky != null && kx.library() != ky.library()) {
            return null;
        }
        Int64Kind kind = new Int64Kind((kx != null ? kx : ky).library(), kx != null && kx.isUnsigned() || ky != null && ky.isUnsigned());
        // An operand's own object where it is the same kind: one name in the IR's text.
        return kind.equals(kx) ? kx : kind.equals(ky) ? ky : kind;
    }

    /** An operand in the arithmetic's kind: a number converted, a 64-bit integer's bits as they are (a signed one read as unsigned). */
    private int converted(int ref, Int64Kind kind, int pc) {
        if (kindOf(recorder.ir, ref) != null) {
            return ref;
        }
        return recorder.ir.emit(new Ir(IrOp.I64FROMNUM, IrType.LONG, ref, Ir.NONE, Ir.NONE, null, null, kind, pc));
    }
}
