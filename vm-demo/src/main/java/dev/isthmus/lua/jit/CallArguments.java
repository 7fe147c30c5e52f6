package dev.isthmus.lua.jit;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a function tree's compiled code, when it returns, has let no argument object out of
 * the call: what lets a callback give the pointer cdata it made for C's arguments to its next
 * call instead of making new ones ({@code KeptArgument}). The parameters' objects stay in
 * the frame when the only instructions that take them (or a cast of them) read their address
 * or check them ({@link #READS}) and no instruction in the tree can run other code that could
 * reach the frame ({@code debug.getlocal} from a called function, an inner loop's trace, C
 * calling back). An exit leaves the object to the interpreter, but the caller only reuses the
 * objects of a call that came back through the tree's own return.
 */
final class CallArguments {
    /** The instructions that only read an object's address or check it. */
    private static final Set<IrOp> READS = EnumSet.of(
            IrOp.PELEM, IrOp.PCAST, IrOp.GCTYPE, IrOp.GCLASS, IrOp.GNOTNIL, IrOp.GTRUTH, IrOp.GSAME);

    private CallArguments() {
    }

    /** Whether the tree in {@code ir}, for a function of {@code parameters} fixed parameters, keeps its arguments' objects in the call. */
    static boolean stayInCall(TraceIr ir, int parameters) {
        BitSet arguments = new BitSet();
        for (int i = 0; i < ir.code.size(); i++) {
            Ir x = ir.at(i);
            if (x.op.mayRunLua() || x.op == IrOp.CALLN || x.op == IrOp.LOOPCALL) {
                return false;
            }
            // A parameter's register read at entry, or read again (a side trace's RLOADR).
            if ((x.op.isRegisterLoad() || x.op.isRegisterReload()) && (Integer) x.aux < parameters
                    || x.op == IrOp.PCAST && arguments.get(x.a)) {
                // A cast of an argument is another object holding the same address (sunk unless it escapes).
                arguments.set(i);
            }
        }
        for (int i = 0; i < ir.code.size(); i++) {
            Ir x = ir.at(i);
            for (int operand : x.operands()) {
                if (arguments.get(operand) && !reads(x, operand)) {
                    return false;
                }
            }
            if (x.op == IrOp.LEAVE && x.snapshot != Ir.NONE) {
                for (int ref : ir.snapshots.get(x.snapshot).refs()) {
                    if (ref != Ir.NONE && arguments.get(ref)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean reads(Ir x, int operand) {
        return READS.contains(x.op) && x.a == operand && x.b != operand && x.c != operand;
    }
}
