package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import static dev.isthmus.lua.jit.IrPassTesting.assertIr;
import static dev.isthmus.lua.jit.IrPassTesting.emitted;
import static dev.isthmus.lua.jit.IrPassTesting.symbols;

/**
 * What {@link TraceIr#emit} makes of instructions as the recorder emits them: arithmetic and
 * numeric forms on constants folded, pure instructions and guards with equal operands shared,
 * a guard on mutable state checked once until something may run Lua code, a double stored
 * to cdata read back without a load.
 */
class TraceIrEmissionTest {
    private static void assertEmits(String written, String expected) {
        IrSymbols symbols = symbols();
        assertIr(expected, emitted(written, symbols), symbols);
    }

    @Test
    void arithmeticOnConstants_isAConstant_sharedWithAnEqualOne() {
        assertEmits("""
                0000 num knum 6.0
                0001 num knum 4.0
                0002 num add 0000 0001
                0003 num sub 0000 0001
                0004 num mul 0000 0001
                0005 num div 0000 0001
                0006 num mod 0000 0001
                0007 num pow 0000 0001
                0008 num neg 0000
                0009 num sloadn #0  [exit 0 pc 1 1=0002 2=0003 3=0004 4=0005 5=0006 6=0007 7=0008]
                """, """
                0000 num knum 6.0
                0001 num knum 4.0
                0002 num knum 10.0
                0003 num knum 2.0
                0004 num knum 24.0
                0005 num knum 1.5
                0006 num knum 1296.0
                0007 num knum -6.0
                0008 num sloadn #0  [exit 0 pc 1 1=0002 2=0003 3=0004 4=0005 5=0003 6=0006 7=0007]
                """);
    }

    @Test
    void folding_followsLuasArithmetic() {
        // Lua's modulo takes the divisor's sign and is nan for a zero divisor; -0 is not 0.
        assertEmits("""
                0000 num knum -5.0
                0001 num knum 3.0
                0002 num mod 0000 0001
                0003 num knum 5.5
                0004 num knum -2.0
                0005 num mod 0003 0004
                0006 num knum 0.0
                0007 num div 0001 0006
                0008 num neg 0006
                0009 num mod 0001 0006
                0010 num pow 0000 0003
                """, """
                0000 num knum -5.0
                0001 num knum 3.0
                0002 num knum 1.0
                0003 num knum 5.5
                0004 num knum -2.0
                0005 num knum -0.5
                0006 num knum 0.0
                0007 num knum inf
                0008 num knum -0.0
                0009 num knum nan
                """);
    }

    @Test
    void tobitAndIntofOfAnIntMadeANumber_areTheInt() {
        // A bit operation's int result carried around a loop is read by the peeled body as a number.
        assertEmits("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 int toint 0000  [exit 1 pc 1]
                0002 num tonum 0001
                0003 int tobit 0002
                0004 int intof 0002  [exit 2 pc 2]
                0005 num sloadn #1  [exit 3 pc 3 1=0003 2=0004]
                """, """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 int toint 0000  [exit 1 pc 1]
                0002 num tonum 0001
                0003 num sloadn #1  [exit 2 pc 3 1=0001 2=0001]
                """);
    }

    @Test
    void numericFormsOnConstants_areFolded_andOnValuesShared() {
        assertEmits("""
                0000 num knum 16.0
                0001 num knum 4.0
                0002 num fnum (0000) handle:sqrt java"sqrt"
                0003 num fnum (0000 0001) handle:max java"max"
                0004 num sloadn #0  [exit 0 pc 1]
                0005 num fnum (0004) handle:sqrt java"sqrt"
                0006 num fnum (0004) handle:sqrt java"sqrt"
                0007 num fnum (0004 0001) handle:max java"max"
                0008 num add 0005 0006
                0009 num sloadn #1  [exit 1 pc 2 1=0002 2=0003 3=0007]
                """, """
                0000 num knum 16.0
                0001 num knum 4.0
                0002 num sloadn #0  [exit 0 pc 1]
                0003 num fnum (0002) handle:sqrt java"sqrt"
                0004 num fnum (0002 0001) handle:max java"max"
                0005 num add 0003 0003
                0006 num sloadn #1  [exit 1 pc 2 1=0001 2=0000 3=0004]
                """);
    }

    @Test
    void pureInstructionsGuardsAndTableReads_areShared_otherStateReadsAreNot() {
        // Equal strings are one constant even when they are two objects (two functions' constants).
        assertEmits("""
                0000 num sloadn #0  [exit 0 pc 1]
                0001 num sloadn #0  [exit 1 pc 1]
                0002 ref sloadr #1 LuaTable  [exit 2 pc 1]
                0003 num add 0000 0001
                0004 num add 0001 0000
                0005 void gcmp 0003 0000 LT  [exit 3 pc 2]
                0006 void gcmp 0004 0001 LT  [exit 4 pc 2]
                0007 void gcmp 0004 0001 LE  [exit 5 pc 2]
                0008 ref tgetn 0002 0003
                0009 ref tgetn 0002 0004
                0010 num len 0002 LuaTable
                0011 num len 0002 LuaTable
                0012 ref kref "s"
                0013 ref kref "s"
                0014 ref tgetv 0002 0013
                """, """
                0000 num sloadn #0  [exit 0 pc 1]
                0001 ref sloadr #1 LuaTable  [exit 1 pc 1]
                0002 num add 0000 0000
                0003 void gcmp 0002 0000 LT  [exit 2 pc 2]
                0004 void gcmp 0002 0000 LE  [exit 3 pc 2]
                0005 ref tgetn 0001 0002
                0006 num len 0001 LuaTable
                0007 num len 0001 LuaTable
                0008 ref kref "s"
                0009 ref tgetv 0001 0008
                """);
    }

    @Test
    void aTableRead_isForwarded_untilAnythingMayWriteATable() {
        // A store to any table may be to this one (another reference to it); a guard or an
        // upvalue read writes none.
        assertEmits("""
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 num hgetk 0000 "x" #3  [exit 1 pc 1]
                0002 ref uget #0
                0003 num hgetk 0000 "x" #3  [exit 2 pc 2]
                0004 num add 0001 0003
                0005 void hsetk 0000 0004 "x" #3  [exit 3 pc 3]
                0006 num hgetk 0000 "x" #3  [exit 4 pc 4]
                0007 num hgetk 0000 "x" #3  [exit 5 pc 5]
                0008 ref callv 0002 ()  [exit 6 pc 6]
                0009 num hgetk 0000 "x" #3  [exit 7 pc 7]
                """, """
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 num hgetk 0000 "x" #3  [exit 1 pc 1]
                0002 ref uget #0
                0003 num add 0001 0001
                0004 void hsetk 0000 0003 "x" #3  [exit 2 pc 3]
                0005 num hgetk 0000 "x" #3  [exit 3 pc 4]
                0006 ref callv 0002 ()  [exit 4 pc 6]
                0007 num hgetk 0000 "x" #3  [exit 5 pc 7]
                """);
    }

    @Test
    void anUpvalueRead_isForwarded_untilAnUpvalueIsWrittenOrLuaCodeMayRun() {
        // Another closure may share the variable: any upvalue store forgets the others.
        assertEmits("""
                0000 ref uget #0
                0001 ref uget #0
                0002 ref uget #1
                0003 num sloadn #1  [exit 0 pc 1]
                0004 ref box 0003
                0005 void uset 0004 #1
                0006 ref uget #1
                0007 ref uget #0
                0008 ref callv 0000 ()  [exit 1 pc 2]
                0009 ref uget #0
                """, """
                0000 ref uget #0
                0001 ref uget #1
                0002 num sloadn #1  [exit 0 pc 1]
                0003 ref box 0002
                0004 void uset 0003 #1
                0005 ref uget #0
                0006 ref callv 0000 ()  [exit 1 pc 2]
                0007 ref uget #0
                """);
    }

    @Test
    void aMetatableGuard_isCheckedOnce_untilSomethingMayRunLuaCode() {
        // A raw store cannot set a metatable; a call or a metamethod can.
        assertEmits("""
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 void gnometa 0000  [exit 1 pc 1]
                0002 num knum 1.0
                0003 ref tgetn 0000 0002
                0004 void gnometa 0000  [exit 2 pc 2]
                0005 void tsetn 0000 0002 0003  [exit 3 pc 2]
                0006 void gnometa 0000  [exit 4 pc 3]
                0007 ref callv 0003 ()  [exit 5 pc 3]
                0008 void gnometa 0000  [exit 6 pc 4]
                0009 void gnometa 0000  [exit 7 pc 4]
                0010 ref index 0000 0002  [exit 8 pc 5]
                0011 void gnometa 0000  [exit 9 pc 5]
                """, """
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 void gnometa 0000  [exit 1 pc 1]
                0002 num knum 1.0
                0003 ref tgetn 0000 0002
                0004 void tsetn 0000 0002 0003  [exit 2 pc 2]
                0005 ref callv 0003 ()  [exit 3 pc 3]
                0006 void gnometa 0000  [exit 4 pc 4]
                0007 ref index 0000 0002  [exit 5 pc 5]
                0008 void gnometa 0000  [exit 6 pc 5]
                """);
    }

    @Test
    void aRegisterReloadedAfterAnInnerLoop_isReadOnce_untilTheNextInnerLoop() {
        assertEmits("""
                0000 void loopcall loop:inner #9  [exit 0 pc 3]
                0001 num rloadn #2  [exit 1 pc 9]
                0002 num rloadn #2  [exit 2 pc 9]
                0003 num rloadn #3  [exit 3 pc 9]
                0004 void loopcall loop:inner #9  [exit 4 pc 3]
                0005 num rloadn #2  [exit 5 pc 9]
                """, """
                0000 void loopcall loop:inner #9  [exit 0 pc 3]
                0001 num rloadn #2  [exit 1 pc 9]
                0002 num rloadn #3  [exit 2 pc 9]
                0003 void loopcall loop:inner #9  [exit 3 pc 3]
                0004 num rloadn #2  [exit 4 pc 9]
                """);
    }

    @Test
    void whatThePreRollChecked_holdsInTheLoop_onlyWhenNothingThereMayRunLuaCode() {
        assertEmits("""
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 void gnometa 0000  [exit 1 pc 1]
                ---- LOOP ----
                0002 void gnometa 0000  [exit 2 pc 1]
                """, """
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 void gnometa 0000  [exit 1 pc 1]
                ---- LOOP ----
                """);
        assertEmits("""
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 ref callv 0000 ()  [exit 1 pc 1]
                0002 void gnometa 0000  [exit 2 pc 2]
                ---- LOOP ----
                0003 void gnometa 0000  [exit 3 pc 2]
                """, """
                0000 ref sloadr #0 LuaTable  [exit 0 pc 1]
                0001 ref callv 0000 ()  [exit 1 pc 1]
                0002 void gnometa 0000  [exit 2 pc 2]
                ---- LOOP ----
                0003 void gnometa 0000  [exit 3 pc 2]
                """);
    }

    @Test
    void aDoubleStoredToCdata_isReadBackWithoutALoad_untilAnotherStoreOrACall() {
        // Only the place just stored is known: a store elsewhere may overlap it; a narrower scalar converts.
        assertEmits("""
                0000 ref sloadr #0 Memory  [exit 0 pc 1]
                0001 long caddr 0000
                0002 num sloadn #1  [exit 1 pc 1]
                0003 void cstore 0001 0002 DOUBLE 0L
                0004 num cload 0001 DOUBLE 0L
                0005 num cload 0001 DOUBLE 8L
                0006 void cstore 0001 0002 INT32 8L
                0007 num cload 0001 DOUBLE 0L
                0008 num cload 0001 INT32 8L
                0009 void cstore 0001 0007 DOUBLE 0L
                0010 ref callv 0000 ()  [exit 2 pc 7]
                0011 num cload 0001 DOUBLE 0L
                0012 num sloadn #2  [exit 3 pc 9 1=0004 2=0011]
                """, """
                0000 ref sloadr #0 Memory  [exit 0 pc 1]
                0001 long caddr 0000
                0002 num sloadn #1  [exit 1 pc 1]
                0003 void cstore 0001 0002 DOUBLE 0L
                0004 num cload 0001 DOUBLE 8L
                0005 void cstore 0001 0002 INT32 8L
                0006 num cload 0001 DOUBLE 0L
                0007 num cload 0001 INT32 8L
                0008 void cstore 0001 0006 DOUBLE 0L
                0009 ref callv 0000 ()  [exit 2 pc 7]
                0010 num cload 0001 DOUBLE 0L
                0011 num sloadn #2  [exit 3 pc 9 1=0002 2=0010]
                """);
    }

    @Test
    void a64BitIntegerBoxedAndUnboxedAsTheSameKind_isTheLong_andANumberConstantConverts() {
        // Unboxed as the other kind, the guard stays (it fails: the kinds differ); a number
        // constant converts as LuaJIT converts it (truncated; 2^63 is INT64_MIN signed, 2^63 unsigned).
        assertEmits("""
                0000 ref sloadr #0 Int64  [exit 0 pc 1]
                0001 long i64unbox 0000 nil kind:int64  [exit 1 pc 1]
                0002 ref i64box 0001 nil kind:int64
                0003 long i64unbox 0002 nil kind:int64  [exit 2 pc 2]
                0004 long i64unbox 0002 nil kind:uint64  [exit 3 pc 2]
                0005 num knum -2.75
                0006 long i64fromnum 0005 nil kind:int64
                0007 num knum 9.223372036854776E18
                0008 long i64fromnum 0007 nil kind:int64
                0009 long i64fromnum 0007 nil kind:uint64
                0010 long i64arith 0003 0006 java"add" kind:int64
                """, """
                0000 ref sloadr #0 Int64  [exit 0 pc 1]
                0001 long i64unbox 0000 nil kind:int64  [exit 1 pc 1]
                0002 ref i64box 0001 nil kind:int64
                0003 long i64unbox 0002 nil kind:uint64  [exit 2 pc 2]
                0004 num knum -2.75
                0005 long ki64 -2L kind:int64
                0006 num knum 9.223372036854776E18
                0007 long ki64 -9223372036854775808L kind:int64
                0008 long ki64 -9223372036854775808L kind:uint64
                0009 long i64arith 0001 0005 java"add" kind:int64
                """);
    }
}
