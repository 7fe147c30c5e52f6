package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import static dev.isthmus.lua.jit.IrPassTesting.assertIr;
import static dev.isthmus.lua.jit.IrPassTesting.symbols;

/** {@link RedundantPhis}: the IR before, the IR after (unused PHIs stay, for dead code elimination). */
class RedundantPhisTest {
    private static void assertMerges(String before, String after) {
        IrSymbols symbols = symbols();
        TraceIr ir = IrText.parse(before, symbols);
        RedundantPhis.run(ir);
        assertIr(after, ir, symbols);
    }

    @Test
    void phisWithTheSameEntryAndBackEdge_areTheFirst_inOperandsAndSnapshots() {
        // A for loop's index in registers 2, 5 and 6: one value, three PHIs.
        assertMerges("""
                0000 num sloadn #2  [exit 0 pc 1]
                0001 num knum 1.0
                0002 num add 0000 0001
                ---- LOOP ----
                0003 num phi 0002 0006 #2
                0004 num phi 0002 0006 #5
                0005 num phi 0002 0006 #6
                0006 num add 0004 0001
                0007 void gcmp 0006 0005 LT  [exit 1 pc 3 2=0003 5=0004 6=0005]
                """, """
                0000 num sloadn #2  [exit 0 pc 1]
                0001 num knum 1.0
                0002 num add 0000 0001
                ---- LOOP ----
                0003 num phi 0002 0006 #2
                0004 num phi 0002 0006 #5
                0005 num phi 0002 0006 #6
                0006 num add 0003 0001
                0007 void gcmp 0006 0003 LT  [exit 1 pc 3 2=0003 5=0003 6=0003]
                """);
    }

    @Test
    void aPhiWhoseBackEdgeIsItself_isItsEntryValue() {
        assertMerges("""
                0000 ref sloadr #1 LuaTable  [exit 0 pc 1]
                0001 num sloadn #2  [exit 1 pc 1]
                ---- LOOP ----
                0002 ref phi 0000 0002 #1
                0003 num phi 0001 0004 #2
                0004 num len 0002 LuaTable
                """, """
                0000 ref sloadr #1 LuaTable  [exit 0 pc 1]
                0001 num sloadn #2  [exit 1 pc 1]
                ---- LOOP ----
                0002 ref phi 0000 0000 #1
                0003 num phi 0001 0004 #2
                0004 num len 0000 LuaTable
                """);
    }

    @Test
    void phisMadeEqualByAMerge_areMergedToo_butNotPhisOfOtherValues() {
        // 0004 and 0005 differ only through 0002 and 0003, which are one value.
        assertMerges("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num sloadn #1  [exit 1 pc 1]
                ---- LOOP ----
                0002 num phi 0000 0006 #2
                0003 num phi 0000 0006 #3
                0004 num phi 0001 0007 #4
                0005 num phi 0001 0008 #5
                0006 num add 0002 0000
                0007 num mul 0002 0004
                0008 num mul 0003 0004
                0009 num phi 0000 0007 #6
                0010 void gcmp 0004 0005 LT  [exit 2 pc 3 4=0004 5=0005 6=0009]
                """, """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num sloadn #1  [exit 1 pc 1]
                ---- LOOP ----
                0002 num phi 0000 0006 #2
                0003 num phi 0000 0006 #3
                0004 num phi 0001 0007 #4
                0005 num phi 0001 0008 #5
                0006 num add 0002 0000
                0007 num mul 0002 0004
                0008 num mul 0002 0004
                0009 num phi 0000 0007 #6
                0010 void gcmp 0004 0005 LT  [exit 2 pc 3 4=0004 5=0005 6=0009]
                """);
    }
}
