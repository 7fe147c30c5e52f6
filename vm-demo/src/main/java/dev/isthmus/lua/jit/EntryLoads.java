package dev.isthmus.lua.jit;

import dev.isthmus.lua.ffi.Cdata;
import java.util.Arrays;
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

    /**
     * For a side trace of the loop tree {@code ir} (its code so far), the root's entry load of
     * each register of the loop's frame ({@code frameSize} registers) that the frame holds all
     * along, indexed by register ({@link Ir#NONE} for the others), or null when there are none.
     * The tree writes the frame back only where it leaves, and where it links back (the
     * values then given to those loads), so a register an exit's snapshot does not list holds
     * the value the root loaded, which a side trace can take instead of reading and guarding the
     * register again: but for the registers from a recursive call's on ({@link IrOp#CALLL}
     * places the function and its arguments in the frame, and leaves its results there until
     * they are read) and for a tree that runs an inner loop's trace on the frame
     * ({@link IrOp#LOOPCALL}). Lua code the tree runs cannot assign such a register either: the
     * interpreter does not enter the tree while an upvalue that could is open on it
     * ({@code CompiledLoop.mayEnter}). A 64-bit integer's load is left out: the root unboxes it
     * after the load, and a link would box it again.
     */
    static int[] heldInFrame(TraceIr ir, int frameSize) {
        int below = frameSize;
        for (Ir x : ir.code) {
            if (x.op == IrOp.LOOPCALL) {
                return null;
            }
            if (x.op == IrOp.CALLL) {
                below = Math.min(below, (Integer) x.aux);
            }
        }
        int[] held = new int[frameSize];
        Arrays.fill(held, Ir.NONE);
        for (int i = 0; i < ir.entryLoads; i++) {
            Ir load = ir.at(i);
            int r = (Integer) load.aux;
            if ((load.op == IrOp.SLOADN || load.op == IrOp.SLOADR && load.aux2 != Cdata.Int64.class) && r < below) {
                held[r] = i;
            }
        }
        return held;
    }
}
