package dev.isthmus.lua.jit;

import java.util.stream.IntStream;

/**
 * Moves the root trace's register loads (and their type guards) to its start, before any
 * other instruction, so that a side trace coming back to the loop can give them its own values
 * and run the rest of the trace ({@link IrOp#LINK}). A load that fails there leaves at the loop
 * instruction with nothing written, which is what it meant anywhere in the first iteration:
 * nothing the trace did before it had any effect yet (the loads read the values the registers
 * had at entry).
 */
final class EntryLoads {
    private EntryLoads() {
    }

    /** Hoists the pre-roll's register loads of {@code ir} (a peeled loop starting at {@code startPc}); sets {@link TraceIr#entryLoads}. */
    static void hoist(TraceIr ir, int startPc) {
        int end = ir.loopStart < 0 ? ir.code.size() : ir.loopStart;
        int[] loads = IntStream.range(0, end).filter(i -> ir.at(i).op.isRegisterLoad()).toArray();
        int[] rest = IntStream.range(0, ir.code.size()).filter(i -> i >= end || !ir.at(i).op.isRegisterLoad()).toArray();
        IrRenumbering.apply(ir, IntStream.concat(IntStream.of(loads), IntStream.of(rest)).toArray());
        int atEntry = ir.snapshot(new Snapshot(startPc, new int[0], new int[0]));
        for (int i = 0; i < loads.length; i++) {
            if (ir.at(i).snapshot != Ir.NONE) {
                ir.at(i).snapshot = atEntry;
            }
        }
        ir.entryLoads = loads.length;
    }
}
