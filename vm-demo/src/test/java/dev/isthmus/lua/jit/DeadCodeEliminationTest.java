package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import static dev.isthmus.lua.jit.IrPassTesting.assertIr;
import static dev.isthmus.lua.jit.IrPassTesting.symbols;

/** {@link DeadCodeElimination}: the IR before, the IR after, renumbered. */
class DeadCodeEliminationTest {
    private static TraceIr eliminated(String before, IrSymbols symbols) {
        TraceIr ir = IrText.parse(before, symbols);
        DeadCodeElimination.run(ir);
        return ir;
    }

    private static void assertEliminates(String before, String after) {
        IrSymbols symbols = symbols();
        assertIr(after, eliminated(before, symbols), symbols);
    }

    @Test
    void constantsThatOnlyFedFoldedInstructions_andUnusedArithmetic_go() {
        assertEliminates("""
                0000 num knum 6.0
                0001 num knum 4.0
                0002 num knum 10.0
                0003 num sloadn #0  [exit 0 pc 1]
                0004 num add 0003 0002
                0005 num mul 0004 0004
                0006 void gcmp 0004 0001 LT  [exit 1 pc 2 1=0004]
                """, """
                0000 num knum 4.0
                0001 num knum 10.0
                0002 num sloadn #0  [exit 0 pc 1]
                0003 num add 0002 0001
                0004 void gcmp 0003 0000 LT  [exit 1 pc 2 1=0003]
                """);
    }

    @Test
    void aPhiOnlyItsOwnBackEdgeUses_goesWithIt_andTheLoopStartMoves() {
        // Register 1 is carried (0009, 0012) but no exit writes it and nothing reads it; guards stay though unused.
        assertEliminates("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num sloadn #1  [exit 1 pc 1]
                0002 num knum 1.0
                0003 num knum 2.0
                0004 num add 0000 0002
                0005 num add 0001 0003
                0006 num fnum (0004 0005) handle:max java"max"
                0007 void gcmp 0004 0003 LT  [exit 2 pc 2 0=0004]
                ---- LOOP ----
                0008 num phi 0004 0011 #0
                0009 num phi 0005 0012 #1
                0010 ref box 0008
                0011 num add 0008 0002
                0012 num add 0009 0003
                0013 void gcmp 0011 0003 LT  [exit 3 pc 2 0=0011]
                """, """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num sloadn #1  [exit 1 pc 1]
                0002 num knum 1.0
                0003 num knum 2.0
                0004 num add 0000 0002
                0005 void gcmp 0004 0003 LT  [exit 2 pc 2 0=0004]
                ---- LOOP ----
                0006 num phi 0004 0007 #0
                0007 num add 0006 0002
                0008 void gcmp 0007 0003 LT  [exit 3 pc 2 0=0007]
                """);
    }

    @Test
    void callsAndStateReads_stay_withWhatTheirArgumentsUse() {
        assertEliminates("""
                0000 num knum 3.0
                0001 num sloadn #0  [exit 0 pc 1]
                0002 num knum 1.0
                0003 num add 0001 0002
                0004 num fnum (0003 0002) handle:max java"max"
                0005 num calln (0004 0003) handle:max java"max"  [exit 1 pc 2]
                0006 ref uget #0
                0007 ref box 0005
                """, """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num knum 1.0
                0002 num add 0000 0001
                0003 num fnum (0002 0001) handle:max java"max"
                0004 num calln (0003 0002) handle:max java"max"  [exit 1 pc 2]
                0005 ref uget #0
                """);
    }

    @Test
    void valuesOnlyASnapshotHolds_stay_evenInASnapshotNoExitUses() {
        IrSymbols symbols = symbols();
        TraceIr ir = IrText.parse("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num knum 2.0
                0002 num mul 0000 0001
                0003 num knum 5.0
                0004 num knum 6.0
                0005 void gcmp 0000 0001 GT  [exit 2 pc 3 4=0002]
                """, symbols);
        ir.snapshots.set(1, new Snapshot(2, new int[] {7}, new int[] {4}));
        DeadCodeElimination.run(ir);
        assertIr("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num knum 2.0
                0002 num mul 0000 0001
                0003 num knum 6.0
                0004 void gcmp 0000 0001 GT  [exit 2 pc 3 4=0002]
                """, ir, symbols);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3}, ir.snapshots.get(1).refs());
    }
}
