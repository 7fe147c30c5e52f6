package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import static dev.isthmus.lua.jit.IrPassTesting.assertIr;
import static dev.isthmus.lua.jit.IrPassTesting.recorded;
import static dev.isthmus.lua.jit.IrPassTesting.symbols;

/**
 * {@link AllocationSinking}: a table made in the trace whose fields are only stored and read
 * with constant keys is never made (its reads are the values stored), and one that escapes is.
 */
class AllocationSinkingTest {
    private static void assertSinks(String before, String after) {
        IrSymbols symbols = symbols();
        TraceIr ir = recorded(before, symbols);
        AllocationSinking.run(ir);
        assertIr(after, ir, symbols);
    }

    /** {@code local p = {}; p.x = n; if p.x < 1 then ... end}, the table held by register 1 at each exit. */
    private static final String FIELD_STORED_AND_READ = """
            0000 num sloadn #0  [exit 0 pc 1]
            0001 ref tnew {0,2}
            0002 ref kref "x"
            0003 void gnometa 0001  [exit 1 pc 2 1=0001]
            0004 void tsetv 0001 0002 0000  [exit 2 pc 2 1=0001]
            0005 num hgetk 0001 "x" #3  [exit 3 pc 3 1=0001]
            0006 num knum 1.0
            0007 void gcmp 0005 0006 LT  [exit 4 pc 4 1=0001 2=0005]
            """;

    @Test
    void aTableOnlyItsFieldsAreReadFrom_isSunk_itsReadsTheValuesStored() {
        // The exit left holds the sunk table (made there) and the value read, the stored number.
        assertSinks(FIELD_STORED_AND_READ, """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 ref snew {0,2}
                0002 ref kref "x"
                0003 ref kref nil
                0004 void sset 0001 0000 "x"
                0005 ref kref nil
                0006 num knum 1.0
                0007 void gcmp 0000 0006 LT  [exit 4 pc 4 1=0001 2=0000]
                """);
    }

    @Test
    void aTableStoredIntoAnother_isMade_andTheOtherOneSunk() {
        assertSinks(FIELD_STORED_AND_READ + """
                0008 ref tnew {0,0}
                0009 void tsetv 0008 0002 0001  [exit 5 pc 5 1=0001 3=0008]
                """, FIELD_STORED_AND_READ + """
                0008 ref snew {0,0}
                0009 void sset 0008 0001 "x"
                """);
    }

    @Test
    void aTableHeldByTwoRegistersOfAnExit_orReadBeforeAStore_isMade() {
        String twice = FIELD_STORED_AND_READ.replace("[exit 4 pc 4 1=0001 2=0005]", "[exit 4 pc 4 1=0001 2=0005 3=0001]");
        assertSinks(twice, twice);
        String readFirst = """
                0000 ref tnew {0,0}
                0001 ref kref "y"
                0002 ref tgetv 0000 0001
                0003 num sloadn #0  [exit 0 pc 1 1=0000 2=0002]
                """;
        assertSinks(readFirst, readFirst);
    }
}
