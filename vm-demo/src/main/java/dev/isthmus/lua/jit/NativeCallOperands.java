package dev.isthmus.lua.jit;

import dev.isthmus.lua.runtime.NumericCallable;

import java.lang.invoke.MethodHandle;

/**
 * The operands of a native call ({@link IrOp#CALLN}, {@code aux} the {@link NumericCallable}):
 * numbers, and ints where the callable takes them ({@link NumericCallable#numericHandle(boolean[])}).
 * The recorder narrows the arguments it records, and loop peeling those of the body's copy,
 * where a register read as a number is an int carried around the loop: either way an
 * argument that is an int already (a loop's index, a C int result, an integral constant)
 * reaches C without a conversion through a double and its range check. The code generator
 * calls the handle whose type the operands' types give.
 */
final class NativeCallOperands {
    private NativeCallOperands() {
    }

    /** {@code args} (numbers or ints) with each number known to be an int replaced by the int, where {@code callable} takes one. */
    static int[] narrowed(TraceIr ir, NumericCallable callable, int[] args, int pc) {
        boolean[] ints = new boolean[args.length];
        boolean any = false;
        for (int i = 0; i < args.length; i++) {
            ints[i] = ir.typeOf(args[i]) == IrType.INT || intValue(ir, args[i]) != null || isIntAsNumber(ir, args[i]);
            any |= ints[i];
        }
        if (!any) {
            return args;
        }
        MethodHandle handle = callable.numericHandle(ints);
        int[] operands = args.clone();
        for (int i = 0; i < args.length; i++) {
            boolean takesInt = handle.type().parameterType(i) == int.class;
            if (takesInt && ir.typeOf(args[i]) == IrType.NUM) {
                Integer constant = intValue(ir, args[i]);
                operands[i] = constant != null
                        ? ir.emit(new Ir(IrOp.KINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, null, constant, null, pc))
                        : ir.at(args[i]).a;
            } else if (!takesInt && ir.typeOf(args[i]) == IrType.INT) {
                operands[i] = ir.emit(new Ir(IrOp.TONUM, IrType.NUM, args[i], Ir.NONE, Ir.NONE, null, null, null, pc));
            }
        }
        return operands;
    }

    /**
     * The handle the call {@code x} makes: ints where its operands are ints, and with
     * {@code takesErrnoState} the thread's errno state first ({@link NumericCallable#numericHandleAt}).
     */
    static MethodHandle handle(TraceIr ir, Ir x, boolean takesErrnoState) {
        boolean[] ints = new boolean[x.args.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = ir.typeOf(x.args[i]) == IrType.INT;
        }
        NumericCallable callable = (NumericCallable) x.aux;
        MethodHandle handle = takesErrnoState ? callable.numericHandleAt(ints) : callable.numericHandle(ints);
        int leading = takesErrnoState ? 2 : 0;
        for (int i = 0; i < ints.length; i++) {
            if ((handle.type().parameterType(leading + i) == int.class) != ints[i]) {
                throw new IllegalStateException("operand " + i + " of " + x.aux2 + " is not of its parameter's type");
            }
        }
        return handle;
    }

    /** The IR type of what {@code callable} returns (VOID, INT for a signed 32-bit C result, else NUM). */
    static IrType resultType(NumericCallable callable, int argumentCount) {
        Class<?> returned = callable.numericHandle(new boolean[argumentCount]).type().returnType();
        return returned == void.class ? IrType.VOID : returned == int.class ? IrType.INT : IrType.NUM;
    }

    private static boolean isIntAsNumber(TraceIr ir, int ref) {
        Ir x = ir.at(ref);
        return x.op == IrOp.TONUM && ir.typeOf(x.a) == IrType.INT;
    }

    /** The value of a number constant that is an int (not -0, which as an int would lose its sign), or null. */
    private static Integer intValue(TraceIr ir, int ref) {
        Ir x = ir.at(ref);
        if (x.op != IrOp.KNUM) {
            return null;
        }
        double d = (Double) x.aux;
        return d == (int) d && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0) ? (int) d : null;
    }
}
