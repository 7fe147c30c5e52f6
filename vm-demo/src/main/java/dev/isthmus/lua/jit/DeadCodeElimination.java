package dev.isthmus.lua.jit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Removes the pure instructions whose values nothing needs, after loop peeling: constants
 * that only fed a folded instruction, values of registers no exit writes, PHIs only their own
 * back edge uses. Everything else is live: guards, calls and reads of mutable state, and what
 * they use through operands, call arguments, PHIs and snapshots (every snapshot, even one no
 * exit uses: it costs nothing to keep its values). The trace is then renumbered, so the code
 * generator, which gives each reference a JVM local, sees only live instructions: operands,
 * arguments, snapshot values and the loop start all follow the new numbering; snapshots keep
 * their numbers (the exits' numbers).
 */
final class DeadCodeElimination {
    private DeadCodeElimination() {
    }

    static void run(TraceIr ir) {
        boolean[] live = live(ir);
        IrRenumbering.apply(ir, java.util.stream.IntStream.range(0, live.length).filter(i -> live[i]).toArray());
    }

    /** Marks what the trace needs, from the instructions it cannot drop and every snapshot. */
    private static boolean[] live(TraceIr ir) {
        boolean[] live = new boolean[ir.code.size()];
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < ir.code.size(); i++) {
            if (!isRemovable(ir.at(i).op)) {
                work.push(i);
            }
        }
        for (Snapshot s : ir.snapshots) {
            for (int r : s.refs()) {
                work.push(r);
            }
        }
        while (!work.isEmpty()) {
            int i = work.pop();
            if (live[i]) {
                continue;
            }
            live[i] = true;
            for (int r : ir.at(i).operands()) {
                work.push(r);
            }
        }
        return live;
    }

    /** Pure computations and PHIs are only their values; a guard's check, a call's effects and a state read's moment are more. */
    private static boolean isRemovable(IrOp op) {
        return op.kind == IrOp.Kind.PURE || op == IrOp.PHI;
    }
}
