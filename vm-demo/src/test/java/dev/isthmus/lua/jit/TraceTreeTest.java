package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When an exit of a tree may grow a side trace: LuaJIT's tryside and maxside, and the waits for an inner loop's trace. */
class TraceTreeTest {
    private static final int TRY_SIDE = 2;
    private static final int MAX_SIDE = 100;

    /** A root at pc 0 with an exit to pc 3 (snapshot 1) and one back at the loop instruction (snapshot 2). */
    private static TraceTree tree() {
        TraceIr ir = IrText.parse("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num knum 2.0
                0002 void gcmp 0000 0001 GT  [exit 1 pc 3]
                0003 void gcmp 0000 0001 LT  [exit 2 pc 0]
                """, new IrSymbols());
        return new TraceTree(1, null, 0, false, ir, new BitSet(), new BitSet(), false);
    }

    @Test
    void anExit_mayGrowASideTrace_untilItsRecordingFailedTrysideTimes() {
        TraceTree tree = tree();
        assertTrue(tree.maySprout(1, TRY_SIDE, MAX_SIDE));
        tree.failed(1);
        assertTrue(tree.maySprout(1, TRY_SIDE, MAX_SIDE));
        tree.failed(1);
        assertFalse(tree.maySprout(1, TRY_SIDE, MAX_SIDE));
    }

    @Test
    void anExitAtTheLoopInstruction_neverGrowsOne() {
        assertFalse(tree().maySprout(2, TRY_SIDE, MAX_SIDE));
    }

    @Test
    void waitingForAnInnerLoopsTrace_doesNotUseUpTheTries_untilItHasWaitedSixteenTimes() {
        TraceTree tree = tree();
        for (int i = 0; i < 16; i++) {
            tree.waited(1);
        }
        assertTrue(tree.maySprout(1, 1, MAX_SIDE));
        tree.waited(1);
        assertFalse(tree.maySprout(1, 1, MAX_SIDE));
    }
}
