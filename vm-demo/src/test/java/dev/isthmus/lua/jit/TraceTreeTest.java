package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.CdataLiterals;
import dev.isthmus.lua.bytecode.Compiler;
import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.parse.Parser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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

    /**
     * A numeric loop's trace entered where the loop has ended (another tree ran its iterations,
     * as mandelbrot's pixel loop's tree runs the row loop's): its exit that finds the loop ended
     * is not one before the loop, which would make the trace stale, nor one that breaks a row of
     * them; the pre-roll's other exits are before the loop.
     */
    @Test
    void theExitThatFindsANumericLoopEnded_isNotAnExitBeforeTheLoop() {
        Prototype p = Compiler.compile(Parser.parseChunk("local s = 0\nfor i = 1, 10 do s = s + i end\nprint(s)\n"
                .getBytes(StandardCharsets.UTF_8), "t.lua"), "t.lua", CdataLiterals.NONE);
        int loop = -1;
        for (int pc = 0; pc < p.code().length / 4 && loop < 0; pc++) {
            loop = p.code()[pc * 4] == Op.FORLOOP ? pc : -1;
        }
        TraceIr ir = IrText.parse("""
                0000 num sloadn #1  [exit 0 pc %d]
                0001 num knum 2.0
                0002 void gcmp 0000 0001 GT  [exit 1 pc %d]
                0003 void gcmp 0000 0001 LT  [exit 2 pc %d]
                ---- LOOP ----
                0004 void gcmp 0000 0001 LT  [exit 3 pc %d]
                """.formatted(loop, loop + 2, loop + 1, loop + 1), new IrSymbols());
        TraceTree tree = new TraceTree(1, p, loop, false, ir, new BitSet(), new BitSet(), false);
        boolean[] atEntry = tree.entryExits();
        boolean[] ended = tree.loopEndedExits();
        assertTrue(atEntry[1]);
        assertFalse(ended[1]);
        assertFalse(atEntry[2]);
        assertTrue(ended[2]);
        assertFalse(atEntry[3]);
        assertFalse(ended[3]);
    }
}
