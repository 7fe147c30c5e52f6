package dev.isthmus.lua.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds a trace's code in a new order: the instructions kept, listed by their old
 * references in their new order, with every operand, call argument and snapshot value
 * renumbered and the loop start moved to the first kept instruction of the body. Snapshots
 * keep their numbers (the exits' numbers). Dropped instructions must be unused.
 */
final class IrRenumbering {
    private IrRenumbering() {
    }

    static void apply(TraceIr ir, int[] order) {
        int[] renumbered = new int[ir.code.size()];
        Arrays.fill(renumbered, Ir.NONE);
        for (int i = 0; i < order.length; i++) {
            renumbered[order[i]] = i;
        }
        int loopStart = order.length;
        if (ir.loopStart >= 0) {
            for (int i = 0; i < order.length; i++) {
                if (order[i] >= ir.loopStart) {
                    loopStart = i;
                    break;
                }
            }
        }
        List<Ir> moved = new ArrayList<>(order.length);
        for (int old : order) {
            Ir x = ir.at(old);
            int[] args = x.args == null ? null : Arrays.stream(x.args).map(r -> renumbered[r]).toArray();
            Ir copy = new Ir(x.op, x.type, at(renumbered, x.a), at(renumbered, x.b), at(renumbered, x.c), args, x.aux, x.aux2, x.pc);
            copy.snapshot = x.snapshot;
            moved.add(copy);
        }
        ir.snapshots.replaceAll(s -> s.renamed(r -> renumbered[r]));
        ir.code.clear();
        ir.code.addAll(moved);
        if (ir.loopStart >= 0) {
            ir.loopStart = loopStart;
        }
    }

    private static int at(int[] renumbered, int ref) {
        return ref == Ir.NONE ? Ir.NONE : renumbered[ref];
    }
}
