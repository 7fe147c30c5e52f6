package dev.isthmus.lua.jit;

import dev.isthmus.lua.interp.InlinedFrames;

import java.util.function.IntUnaryOperator;

/**
 * What a trace writes back when it leaves through a guard or a failing call: register
 * {@code registers[i]} of the frame gets IR value {@code refs[i]} (registers not listed still
 * hold what the trace found at entry), and the interpreter resumes at {@code pc}. When the
 * trace was inside calls it recorded inline, {@code inside} says which ({@code pc} is then in
 * the innermost called function, and the registers cover those calls' frames too); null in
 * the loop's own function. {@code resumed} is -1 but where the trace leaves between a call and
 * the instruction that takes the call's open results ({@code f(g())}, {@code C} = 0 then
 * {@code B} = 0), which it cannot resume at because the interpreter keeps the results' top in
 * its own state: {@code pc} is then the call's, which the interpreter completes as if it had
 * just returned {@code resumed} results, which are in the registers from the call's {@code A}.
 */
record Snapshot(int pc, int[] registers, int[] refs, InlinedFrames inside, int resumed) {
    /** A snapshot in the loop's own function. */
    Snapshot(int pc, int[] registers, int[] refs) {
        this(pc, registers, refs, null);
    }

    /** A snapshot resuming at an instruction, not at a call's results. */
    Snapshot(int pc, int[] registers, int[] refs, InlinedFrames inside) {
        this(pc, registers, refs, inside, -1);
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
        return new Snapshot(pc, registers, renamed, inside, resumed);
    }

    /** The same place with other registers and values. */
    Snapshot with(int[] otherRegisters, int[] otherRefs) {
        return new Snapshot(pc, otherRegisters, otherRefs, inside, resumed);
    }
}
