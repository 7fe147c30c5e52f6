package dev.isthmus.lua.jit;

import dev.isthmus.jit.ClassData;
import dev.isthmus.lua.ffi.CdataTraces;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.util.function.Function;
import java.util.function.IntConsumer;

import static org.objectweb.asm.Opcodes.*;

/**
 * The JVM code of the 64-bit integer instructions ({@link Int64Recording}): longs in JVM locals,
 * addition, subtraction, multiplication and negation as the JVM's wrapping long instructions,
 * division, modulo and power through {@link CdataTraces} (LuaJIT's results for a zero divisor
 * and negative exponents), and {@link #box} where a value escapes.
 */
final class Int64Emission {
    private static final String KIND = Type.getInternalName(Int64Kind.class);
    private static final String TRACES = Type.getInternalName(CdataTraces.class);

    private final TraceIr ir;
    private final MethodVisitor mv;
    private final ClassData constants;
    private final IntConsumer load;
    private final IntConsumer store;
    private final Function<Ir, Label> exit;

    Int64Emission(TraceIr ir, MethodVisitor mv, ClassData constants, IntConsumer load, IntConsumer store, Function<Ir, Label> exit) {
        this.ir = ir;
        this.mv = mv;
        this.constants = constants;
        this.load = load;
        this.store = store;
        this.exit = exit;
    }

    void emit(int i, Ir x) {
        switch (x.op) {
            case KI64 -> {
                // Pushed where it is used (TraceCodegen.load), never kept in a local.
                return;
            }
            case I64UNBOX -> {
                constants.emitLoad(mv, x.aux2, Int64Kind.class);
                load.accept(x.a);
                mv.visitMethodInsn(INVOKEVIRTUAL, KIND, "holds", "(Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn(IFEQ, exit.apply(x));
                load.accept(x.a);
                mv.visitMethodInsn(INVOKESTATIC, KIND, "bitsOf", "(Ljava/lang/Object;)J", false);
            }
            case I64BOX -> box(mv, constants, (Int64Kind) x.aux2, () -> load.accept(x.a));
            case I64FROMNUM -> fromNumber(x);
            case I64ARITH -> arith(x);
            case I64CMP -> {
                compare(x);
                return;
            }
            default -> throw new IllegalArgumentException("not a 64-bit integer instruction: " + x.op);
        }
        store.accept(i);
    }

    /** Pushes the cdata of kind {@code kind} holding the long {@code value} pushes, on {@code m}. */
    static void box(MethodVisitor m, ClassData constants, Int64Kind kind, Runnable value) {
        constants.emitLoad(m, kind, Int64Kind.class);
        value.run();
        m.visitMethodInsn(INVOKEVIRTUAL, KIND, "box", "(J)Ljava/lang/Object;", false);
    }

    private void fromNumber(Ir x) {
        Ir number = ir.at(x.a);
        if (number.op == IrOp.TONUM && !((Int64Kind) x.aux2).isUnsigned()) {
            // An int (a narrowed loop's index) is exactly the number it stands for. (Not for
            // uint64_t: a negative number converts to 2^63 there, as in LuaJIT.)
            load.accept(number.a);
            mv.visitInsn(I2L);
            return;
        }
        load.accept(x.a);
        mv.visitLdcInsn(8);
        mv.visitInsn(((Int64Kind) x.aux2).isUnsigned() ? ICONST_1 : ICONST_0);
        mv.visitMethodInsn(INVOKESTATIC, TRACES, "toInteger", "(DIZ)J", false);
    }

    private void arith(Ir x) {
        String op = (String) x.aux;
        load.accept(x.a);
        if (op.equals("unm")) {
            mv.visitInsn(LNEG);
            return;
        }
        load.accept(x.b);
        switch (op) {
            case "add" -> mv.visitInsn(LADD);
            case "sub" -> mv.visitInsn(LSUB);
            case "mul" -> mv.visitInsn(LMUL);
            default -> {
                mv.visitInsn(((Int64Kind) x.aux2).isUnsigned() ? ICONST_1 : ICONST_0);
                String helper = switch (op) {
                    case "div" -> "int64Divide";
                    case "mod" -> "int64Remainder";
                    case "pow" -> "int64Power";
                    default -> throw new IllegalArgumentException("no 64-bit integer operation " + op);
                };
                mv.visitMethodInsn(INVOKESTATIC, TRACES, helper, "(JJZ)J", false);
            }
        }
    }

    /** A guard that the longs compare as recorded, signed or unsigned. */
    private void compare(Ir x) {
        load.accept(x.a);
        load.accept(x.b);
        if (((Int64Kind) x.aux2).isUnsigned()) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        } else {
            mv.visitInsn(LCMP);
        }
        mv.visitJumpInsn(TraceCodegen.exitUnless((Compare) x.aux), exit.apply(x));
    }
}
