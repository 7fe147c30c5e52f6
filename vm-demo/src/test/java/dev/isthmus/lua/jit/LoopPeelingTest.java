package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.isthmus.lua.jit.IrPassTesting.assertIr;
import static dev.isthmus.lua.jit.IrPassTesting.recorded;
import static dev.isthmus.lua.jit.IrPassTesting.symbols;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link LoopPeeling}: a recorded iteration (emitted as the recorder emits it) and the
 * registers it writes, then the whole trace expected: the iteration as the pre-roll, the
 * loop body with PHIs, and what is invariant not copied.
 */
class LoopPeelingTest {
    /**
     * The trace {@code iteration} peels into, printed; {@code carried} is the registers the
     * iteration writes with their values at its end ({@code register=reference ...}).
     */
    private static String peeled(String iteration, String carried) {
        IrSymbols symbols = symbols();
        TraceIr ir = recorded(iteration, symbols);
        LoopPeeling.peel(ir, carriedRegisters(carried), 0);
        return IrText.print(ir, symbols);
    }

    private static Snapshot carriedRegisters(String carried) {
        String[] pairs = carried.split(" ");
        int[] registers = Arrays.stream(pairs).mapToInt(p -> Integer.parseInt(p.substring(0, p.indexOf('=')))).toArray();
        int[] refs = Arrays.stream(pairs).mapToInt(p -> Integer.parseInt(p.substring(p.indexOf('=') + 1))).toArray();
        return new Snapshot(0, registers, refs);
    }

    private static void assertPeels(String iteration, String carried, String body) {
        assertEquals((iteration.strip() + "\n" + body.strip()).strip(), peeled(iteration, carried).strip());
    }

    /** {@code for i = 1, n do s = s + i * 2 end}: its control registers and the sum carried, the step and limit read once. */
    private static final String SUM_LOOP = """
            0000 num sloadn #1  [exit 0 pc 7]
            0001 num sloadn #2  [exit 1 pc 7]
            0002 num sloadn #3  [exit 2 pc 7]
            0003 num knum 0.0
            0004 void gcmp 0002 0003 GT  [exit 3 pc 7]
            0005 num add 0000 0002
            0006 void gcmp 0005 0001 LE  [exit 4 pc 8]
            0007 num knum 2.0
            0008 num mul 0005 0007
            0009 num sloadn #0  [exit 5 pc 6 1=0005 4=0005 5=0008]
            0010 num add 0009 0008
            """;

    @Test
    void aNumericLoop_carriesItsRegistersInPhis_andHoistsWhatIsInvariant() {
        // The step's sign test (0004) and the constants stay in the pre-roll; an exit in the body
        // writes every carried register, from its PHI where the iteration has not written it yet.
        assertPeels(SUM_LOOP, "0=0010 1=0005 4=0005 5=0008", """
                ---- LOOP ----
                0011 num phi 0010 0018 #0
                0012 num phi 0005 0015 #1
                0013 num phi 0005 0015 #4
                0014 num phi 0008 0017 #5
                0015 num add 0012 0002
                0016 void gcmp 0015 0001 LE  [exit 6 pc 8 0=0011 1=0012 4=0013 5=0014]
                0017 num mul 0015 0007
                0018 num add 0011 0017
                0019 void gintr  [exit 7 pc 0 0=0018 1=0015 4=0015 5=0017]
                """);
    }

    /** {@code u = u + x + t[i]} with x and t upvalues: read once when nothing in the loop can change an upvalue. */
    private static final String UPVALUE_LOOP = """
            0000 num sloadn #1  [exit 0 pc 10]
            0001 num sloadn #2  [exit 1 pc 10]
            0002 num sloadn #3  [exit 2 pc 10]
            0003 num knum 0.0
            0004 void gcmp 0002 0003 GT  [exit 3 pc 10]
            0005 num add 0000 0002
            0006 void gcmp 0005 0001 LE  [exit 4 pc 11]
            0007 ref uget #0
            0008 num unbox 0007  [exit 5 pc 6 1=0005 4=0005 6=0007]
            0009 num sloadn #0  [exit 6 pc 6 1=0005 4=0005 6=0008]
            0010 num add 0009 0008
            0011 ref uget #1
            0012 ref gclass 0011 nil LuaTable  [exit 7 pc 8 1=0005 4=0005 5=0010 6=0008 7=0011]
            0013 void gnometa 0012  [exit 8 pc 8 1=0005 4=0005 5=0010 6=0008 7=0012]
            0014 ref tgetn 0012 0005
            0015 num unbox 0014  [exit 9 pc 9 1=0005 4=0005 5=0010 6=0014 7=0012]
            0016 num add 0010 0015
            """;

    @Test
    void stableUpvalues_andTheirGuards_areReadOnce_theTableReadIsNot() {
        assertPeels(UPVALUE_LOOP, "0=0016 1=0005 4=0005 5=0010 6=0015 7=0012", """
                ---- LOOP ----
                0017 num phi 0016 0028 #0
                0018 num phi 0005 0023 #1
                0019 num phi 0005 0023 #4
                0020 num phi 0010 0025 #5
                0021 num phi 0015 0027 #6
                0022 ref phi 0012 0012 #7
                0023 num add 0018 0002
                0024 void gcmp 0023 0001 LE  [exit 10 pc 11 0=0017 1=0018 4=0019 5=0020 6=0021 7=0022]
                0025 num add 0017 0008
                0026 ref tgetn 0012 0023
                0027 num unbox 0026  [exit 11 pc 9 0=0017 1=0023 4=0023 5=0025 6=0026 7=0012]
                0028 num add 0025 0027
                0029 void gintr  [exit 12 pc 0 0=0028 1=0023 4=0023 5=0025 6=0027 7=0012]
                """);
    }

    @Test
    void anUpvalueStoredInTheLoop_isReadInEachIteration() {
        String reads = """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 ref uget #0
                0002 num unbox 0001  [exit 1 pc 2]
                0003 num add 0000 0002
                """;
        assertPeels(reads, "0=0003", """
                ---- LOOP ----
                0004 num phi 0003 0005 #0
                0005 num add 0004 0002
                0006 void gintr  [exit 2 pc 0 0=0005]
                """);
        assertPeels(reads + """
                0004 ref box 0003
                0005 void uset 0004 #1  [exit 2 pc 3]
                """, "0=0003", """
                ---- LOOP ----
                0006 num phi 0003 0009 #0
                0007 ref uget #0
                0008 num unbox 0007  [exit 3 pc 2 0=0006]
                0009 num add 0006 0008
                0010 ref box 0009
                0011 void uset 0010 #1  [exit 4 pc 3 0=0006]
                0012 void gintr  [exit 5 pc 0 0=0009]
                """);
    }

    @Test
    void aRegisterReadAsANumber_andWrittenWithAnotherType_abandonsTheTrace() {
        assertEquals("type instability in register 0", abort("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 ref kref "x"
                """, "0=0001"));
        assertEquals("type instability in register 0", abort("""
                0000 ref sloadr #0 LuaString  [exit 0 pc 1]
                0001 num knum 1.0
                """, "0=0001"));
    }

    @Test
    void aRegisterWrittenWithAValueOfAnotherKnownClass_abandonsTheTrace() {
        // Its class guard could only fail in the second iteration: the loop is type-unstable.
        assertEquals("type instability in register 0", abort("""
                0000 ref sloadr #0 LuaString  [exit 0 pc 1]
                0001 ref tnew {0,0}  [exit 1 pc 1]
                """, "0=0001"));
    }

    @Test
    void aRegisterWrittenWithAValueOfTheClassItWasRead_needsNoGuard_oneOfUnknownClassDoes() {
        assertPeels("""
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 ref tnew {0,0}  [exit 1 pc 1]
                0002 void gnometa 0000  [exit 2 pc 2]
                """, "0=0001", """
                ---- LOOP ----
                0003 ref phi 0001 0004 #0
                0004 ref tnew {0,0}  [exit 3 pc 1 0=0003]
                0005 void gnometa 0003  [exit 4 pc 2 0=0003]
                0006 void gintr  [exit 5 pc 0 0=0004]
                """);
        assertPeels("""
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 ref kref "k"
                0002 void gnometa 0000  [exit 1 pc 1]
                0003 ref tgetv 0000 0001
                """, "0=0003", """
                ---- LOOP ----
                0004 ref phi 0003 0007 #0
                0005 ref gclass 0004 nil LuaTable  [exit 2 pc 1 0=0004]
                0006 void gnometa 0005  [exit 3 pc 1 0=0004]
                0007 ref tgetv 0005 0001
                0008 void gintr  [exit 4 pc 0 0=0007]
                """);
    }

    @Test
    void anUntypedRegisterCarryingANumber_isItsPhiBoxed() {
        assertPeels("""
                0000 ref sloadv #0
                0001 num knum 1.0
                """, "0=0001", """
                ---- LOOP ----
                0002 num phi 0001 0001 #0
                0003 ref box 0002
                0004 void gintr  [exit 0 pc 0 0=0001]
                """);
    }

    /** {@code for i = 1, 7 do p = a[i]; p.x = i end} over a cdata array of structs. */
    private static final String VIEW_LOOP = """
            0000 num sloadn #7  [exit 0 pc 38]
            0001 num sloadn #8  [exit 1 pc 38]
            0002 num sloadn #9  [exit 2 pc 38]
            0003 num knum 0.0
            0004 void gcmp 0002 0003 GT  [exit 3 pc 38]
            0005 num add 0000 0002
            0006 void gcmp 0005 0001 LE  [exit 4 pc 39]
            0007 ref sloadr #5 Memory  [exit 5 pc 35 7=0005 10=0005]
            0008 void gctype 0007 ctype:point  [exit 6 pc 35 7=0005 10=0005]
            0009 long caddr 0007
            0010 long csize 0007
            0011 long celem 0009 0010 0005 nil 8L  [exit 7 pc 35 7=0005 10=0005]
            0012 ref cview 0007 0005 ctype:point 8L
            0013 void cstore 0011 0005 DOUBLE 0L
            """;

    @Test
    void aViewOfAnArrayElementCarriedAroundTheLoop_carriesItsIndex() {
        // Register 6 holds a[i]: its PHI is the index, the view made again from it (0018), never allocated per iteration;
        // the array's address and size are the pre-roll's.
        assertPeels(VIEW_LOOP, "6=0012 7=0005 10=0005 11=0005", """
                ---- LOOP ----
                0014 num phi 0005 0019 #6
                0015 num phi 0005 0019 #7
                0016 num phi 0005 0019 #10
                0017 num phi 0005 0019 #11
                0018 ref cview 0007 0014 ctype:point 8L
                0019 num add 0015 0002
                0020 void gcmp 0019 0001 LE  [exit 8 pc 39 6=0018 7=0015 10=0016 11=0017]
                0021 long celem 0009 0010 0019 nil 8L  [exit 9 pc 35 6=0018 7=0019 10=0019 11=0017]
                0022 ref cview 0007 0019 ctype:point 8L
                0023 void cstore 0021 0019 DOUBLE 0L
                0024 void gintr  [exit 10 pc 0 6=0022 7=0019 10=0019 11=0019]
                """);
    }

    @Test
    void aroundAnInnerLoop_registersTheLoopDoesNotCarry_areReadAgainFromTheFrame() {
        assertPeels("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num sloadn #1  [exit 1 pc 1]
                0002 num add 0000 0001
                0003 void loopcall loop:inner #9  [exit 2 pc 3 0=0002]
                """, "0=0002", """
                ---- LOOP ----
                0004 num phi 0002 0006 #0
                0005 num rloadn #1  [exit 3 pc 1 0=0004]
                0006 num add 0004 0005
                0007 void loopcall loop:inner #9  [exit 4 pc 3 0=0006]
                0008 void gintr  [exit 5 pc 0 0=0006]
                """);
    }

    private static String abort(String iteration, String carried) {
        return assertThrows(TraceRecorder.Abort.class, () -> peeled(iteration, carried)).getMessage();
    }

    /** {@code for i = 1, n do x = x + i end} with {@code x} a 64-bit integer ({@code 0LL}): {@link #SUM_LOOP}'s head, {@code x} unboxed once. */
    private static final String INT64_SUM_LOOP = SUM_LOOP.lines().limit(7).collect(java.util.stream.Collectors.joining("\n", "", "\n")) + """
            0007 ref sloadr #0 Int64  [exit 5 pc 6 1=0005 4=0005]
            0008 long i64unbox 0007 nil kind:int64  [exit 6 pc 6 1=0005 4=0005]
            0009 long i64fromnum 0005 nil kind:int64
            0010 long i64arith 0008 0009 java"add" kind:int64
            """;

    @Test
    void a64BitIntegerCarried_isALongPhi_neitherBoxedNorUnboxedInTheBody() {
        // The body's load of register 0 is the PHI made a cdata, and unboxing that folds back to
        // the PHI: the box is left unused (dead code elimination removes it).
        assertPeels(INT64_SUM_LOOP, "0=0010 1=0005 4=0005", """
                ---- LOOP ----
                0011 long phi 0010 0018 #0
                0012 num phi 0005 0014 #1
                0013 num phi 0005 0014 #4
                0014 num add 0012 0002
                0015 void gcmp 0014 0001 LE  [exit 7 pc 8 0=0011 1=0012 4=0013]
                0016 ref i64box 0011 nil kind:int64
                0017 long i64fromnum 0014 nil kind:int64
                0018 long i64arith 0011 0017 java"add" kind:int64
                0019 void gintr  [exit 8 pc 0 0=0018 1=0014 4=0014]
                """);
    }
}
