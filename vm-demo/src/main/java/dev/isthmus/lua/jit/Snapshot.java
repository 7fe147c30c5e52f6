package dev.isthmus.lua.jit;

import dev.isthmus.lua.interp.InlinedFrames;

import java.util.function.IntUnaryOperator;

/**
 * What a trace writes back when it leaves through a guard or a failing call: register
 * {@code registers[i]} of the frame gets IR value {@code refs[i]} (registers not listed still
 * hold what the trace found at entry), and the interpreter resumes at {@code pc}. When the
 * trace was inside calls it recorded inline, {@code inside} says which ({@code pc} is then in
 * the innermost called function, and the registers cover those calls' frames too); null in
 * the loop's own function.
 */
record Snapshot(int pc, int[] registers, int[] refs, InlinedFrames inside) {
    /** A snapshot in the loop's own function. */
    Snapshot(int pc, int[] registers, int[] refs) {
        this(pc, registers, refs, null);
    }

    /** The value register {@code register} gets, or {@link Ir#NONE} when the frame already holds it. */
    int refOf(int register) {
        for (int j = 0; j < registers.length; j++) {
            if (registers[j] == register) {
                return refs[j];
            }
        }
        return Ir.NONE;
    }

    /** The same snapshot with every value renamed by {@code rename}. */
    Snapshot renamed(IntUnaryOperator rename) {
        int[] renamed = refs.clone();
        for (int j = 0; j < renamed.length; j++) {
            renamed[j] = rename.applyAsInt(renamed[j]);
        }
        return new Snapshot(pc, registers, renamed, inside);
    }

    /** The same place with other registers and values. */
    Snapshot with(int[] otherRegisters, int[] otherRefs) {
        return new Snapshot(pc, otherRegisters, otherRefs, inside);
    }
}
