package dev.isthmus.lua.jit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the PHIs that carry the same value, after loop peeling and before dead code
 * elimination. A numeric {@code for} writes its index to two registers (the hidden index and
 * the loop variable) and a view of an array element carries its index in a third: one value,
 * several PHIs, each a JVM local assigned on every back edge. A PHI with the same entry value
 * and the same back-edge value as an earlier one is that one; a PHI whose back edge is itself
 * never changes and is its entry value. Every use (operands, call arguments, other PHIs'
 * back edges, snapshot values) is renamed, which can make more PHIs equal, so it repeats until
 * nothing changes; the PHIs left unused are then dead code.
 */
final class RedundantPhis {
    private RedundantPhis() {
    }

    static void run(TraceIr ir) {
        if (ir.loopStart < 0) {
            return;
        }
        int[] same = new int[ir.code.size()];
        Arrays.setAll(same, i -> i);
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<List<Integer>, Integer> byValues = new HashMap<>();
            for (int i = ir.loopStart; i < ir.code.size() && ir.at(i).op == IrOp.PHI; i++) {
                if (same[i] != i) {
                    continue;
                }
                Ir phi = ir.at(i);
                int entry = find(same, phi.a);
                int back = find(same, phi.b);
                int merged = back == i ? entry : byValues.getOrDefault(List.of(entry, back, phi.type.ordinal()), i);
                if (merged != i) {
                    same[i] = merged;
                    changed = true;
                } else {
                    byValues.put(List.of(entry, back, phi.type.ordinal()), i);
                }
            }
        }
        rename(ir, same);
    }

    private static int find(int[] same, int ref) {
        while (ref != Ir.NONE && same[ref] != ref) {
            ref = same[ref];
        }
        return ref;
    }

    private static void rename(TraceIr ir, int[] same) {
        for (int i = 0; i < ir.code.size(); i++) {
            Ir x = ir.at(i);
            int[] args = x.args == null ? null : Arrays.stream(x.args).map(r -> find(same, r)).toArray();
            Ir renamed = new Ir(x.op, x.type, find(same, x.a), find(same, x.b), find(same, x.c), args, x.aux, x.aux2, x.pc);
            renamed.snapshot = x.snapshot;
            ir.code.set(i, renamed);
        }
        ir.snapshots.replaceAll(s -> s.renamed(r -> find(same, r)));
    }
}
