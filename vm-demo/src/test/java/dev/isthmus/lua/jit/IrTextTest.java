package dev.isthmus.lua.jit;

import dev.isthmus.jit.CScalar;
import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IR text reads back as the IR it was printed from: every operation, operand, constant kind and snapshot. */
class IrTextTest {
    private static final MethodHandle SQRT = sqrt();
    private static final Object INNER_LOOP = new Object();

    private static MethodHandle sqrt() {
        try {
            return MethodHandles.lookup().findStatic(Math.class, "sqrt", MethodType.methodType(double.class, double.class));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static IrSymbols symbols() {
        return new IrSymbols().define("handle:sqrt", SQRT).define("mutablecallsite:fixed", new java.lang.invoke.MutableCallSite(java.lang.invoke.MethodHandles.constant(boolean.class, true))).define("loop:inner", INNER_LOOP).define("t", new LuaTable())
                .define("upvalue:x", new IrOp.OpenUpvalue(0, 3)).define("bitop:band", (java.util.function.IntBinaryOperator) (x, y) -> x & y)
                .define("kind:uint64", new Int64Kind(null, true));
    }

    /** Every operation once, with each kind of constant. */
    private static final String EVERY_OPERATION = """
            0000 num knum 1.5
            0001 ref kref "a \\"q\\" \\x00\\xff"
            0002 num sloadn #0  [exit 0 pc 0]
            0003 ref sloadr #1 LuaTable @3  [exit 1 pc 3 0=0002]
            0004 num rloadn #2  [exit 2 pc 3]
            0005 ref rloadr #3  [exit 3 pc 3]
            0006 ref sloadv #4
            0007 num add 0000 0002
            0008 num sub 0007 0000
            0009 num mul 0008 0008
            0010 num div 0009 0000
            0011 num mod 0010 0000
            0012 num pow 0011 0000
            0013 num neg 0012
            0014 ref box 0013
            0015 num unbox 0006  [exit 4 pc 3]
            0016 ref gclass 0006 nil Double  [exit 5 pc 3]
            0017 void gnotnil 0006  [exit 6 pc 3]
            0018 void gsame 0006 t  [exit 7 pc 3 resumed 1 0=0002]
            0019 void gcmp 0002 0000 LT  [exit 8 pc 4]
            0020 void gtruth 0006 true  [exit 9 pc 4]
            0021 ref not 0006
            0022 void gnometa 0003  [exit 10 pc 4]
            0023 ref tgetn 0003 0000
            0024 ref tgetv 0003 0001
            0025 void tsetn 0003 0000 0014  [exit 11 pc 4]
            0026 void tsetv 0003 0001 0014  [exit 12 pc 4]
            0027 num len 0003 LuaTable
            0028 ref tnew {2,0}  [exit 13 pc 4]
            0029 ref gget "x"  [exit 14 pc 4]
            0030 void gset 0014 "x"  [exit 15 pc 4]
            0031 ref uget #0  [exit 16 pc 4]
            0032 void uset 0014 #0  [exit 17 pc 4]
            0033 ref index 0006 0001  [exit 18 pc 4]
            0034 void setindex 0006 0001 0014  [exit 19 pc 4]
            0035 ref arithv 0006 0014 #2  [exit 20 pc 4]
            0036 ref cmpv 0006 0014 LE  [exit 21 pc 4]
            0037 ref lenv 0006  [exit 22 pc 4]
            0038 num calln (0000 0002) handle:sqrt java"sqrt"  [exit 23 pc 4]
            0039 num fnum (0002) handle:sqrt java"sqrt"
            0040 ref next 0003 0006  [exit 24 pc 4]
            0041 ref entrykey 0040
            0042 ref entryvalue 0040
            0043 ref concat (0001 0014) #5  [exit 25 pc 4]
            0044 void loopcall loop:inner #9 @9  [exit 26 pc 9]
            0045 ref callv 0006 ()  [exit 27 pc 9 1=0014 5=0045]
            0046 void gctype 0006 t  [exit 28 pc 9]
            0047 long caddr 0006
            0048 ref cview 0006 0000 t 16L
            0049 num cload 0047 DOUBLE 8L
            0050 void cstore 0047 0013 INT32 0L
            ---- LOOP ----
            0051 num phi 0002 0052 #0
            0052 num add 0051 0000 @0
            0053 num knum -0.0
            0054 num knum nan
            0055 num knum -inf
            0056 ref kref nil
            0057 ref kref false
            0058 int kint #3
            0059 long csize 0006
            0060 long celem 0047 0059 0058 nil 16L  [exit 29 pc 9]
            0061 int toint 0052  [exit 30 pc 9]
            0062 int limit 0052 0058 LE  [exit 30 pc 9]
            0063 int iadd 0061 0058
            0064 num tonum 0063
            0065 void gintr  [exit 31 pc 0]
            0066 ref hgetk 0003 "x" #2  [exit 32 pc 9]
            0067 void hsetk 0003 0066 "x" #2  [exit 32 pc 9]
            0068 long pelem 0006 0058 nil 8L  [exit 33 pc 9]
            0069 void link (0002 0003)  [exit 34 pc 0 0=0052]
            0070 void leave #9 true @9  [exit 35 pc 9]
            0071 ref callm 0006 ()  [exit 36 pc 9]
            0072 ref result 0071 #1
            0073 void uopen upvalue:x t  [exit 37 pc 4]
            0074 num tloadn 0003 0000  [exit 38 pc 4]
            0075 num hgetk 0003 "x" #2  [exit 39 pc 9]
            0076 void hsetk 0003 0075 "x" #2  [exit 39 pc 9]
            0077 void calll 0003 (0000 0014) #2 #1  [exit 40 pc 4]
            0078 int tobit 0000
            0079 int fint (0078 0058) bitop:band java"band"
            0080 void gcallback  [exit 41 pc 5]
            0081 void gmeta 0003 t  [exit 42 pc 5]
            0082 void gabsent 0003 "x"  [exit 43 pc 5]
            0083 void gsmeta t  [exit 44 pc 5]
            0084 void gbytes 0001 0000 #4  [exit 45 pc 5]
            0085 int sbyte 0001 0000 #2
            0086 long ki64 -5L kind:uint64
            0087 long i64unbox 0006 nil kind:uint64  [exit 46 pc 5]
            0088 long i64fromnum 0002 nil kind:uint64
            0089 long i64arith 0087 0088 java"mul" kind:uint64
            0090 void i64cmp 0089 0086 LT kind:uint64  [exit 47 pc 6]
            0091 ref i64box 0089 nil kind:uint64
            0092 ref pcast 0006 t
            0093 ref snew {0,2}
            0094 void sset 0093 0000 "x"
            0095 int intof 0002  [exit 48 pc 6]
            0096 void gfixed mutablecallsite:fixed  [exit 49 pc 6]
            0097 void gclosure t  [exit 50 pc 6]
            0098 int iaddr 0058 0058  [exit 51 pc 6]
            0099 void genv t  [exit 52 pc 6]
            """;

    @Test
    void everyOperation_printsBackAsItWasWritten() {
        IrSymbols symbols = symbols();
        TraceIr ir = IrText.parse(EVERY_OPERATION, symbols);
        Set<IrOp> seen = EnumSet.noneOf(IrOp.class);
        ir.code.forEach(x -> seen.add(x.op));
        assertEquals(EnumSet.allOf(IrOp.class), seen);
        assertEquals(EVERY_OPERATION, IrText.print(ir, symbols));
    }

    @Test
    void constants_readAsTheirJavaValues() {
        IrSymbols symbols = symbols();
        TraceIr ir = IrText.parse(EVERY_OPERATION, symbols);
        assertEquals(1.5, ir.at(0).aux);
        assertEquals(LuaString.wrap(new byte[] {'a', ' ', '"', 'q', '"', ' ', 0, (byte) 0xff}), ir.at(1).aux);
        assertEquals(Integer.valueOf(1), ir.at(3).aux);
        assertSame(LuaTable.class, ir.at(3).aux2);
        assertEquals(3, ir.at(3).pc);
        assertEquals(3, ir.at(4).pc, "a pc holds until the next @");
        assertNull(ir.at(16).aux);
        assertSame(Double.class, ir.at(16).aux2);
        assertEquals(Compare.LT, ir.at(19).aux);
        assertArrayEquals(new int[] {2, 0}, (int[]) ir.at(28).aux);
        assertArrayEquals(new int[] {0, 2}, ir.at(38).args);
        assertSame(SQRT, ir.at(38).aux);
        assertEquals("sqrt", ir.at(38).aux2);
        assertArrayEquals(new int[0], ir.at(45).args);
        assertEquals(16L, ir.at(48).aux2);
        assertEquals(CScalar.DOUBLE, ir.at(49).aux);
        assertEquals(8L, ir.at(49).aux2);
        assertEquals(3, ir.at(58).aux);
        assertEquals(ir.at(61).snapshot, ir.at(62).snapshot, "one exit shared by two instructions");
        assertArrayEquals(new int[] {1, 5}, ir.snapshots.get(27).registers());
        assertArrayEquals(new int[] {14, 45}, ir.snapshots.get(27).refs());
        assertEquals(51, ir.loopStart);
        assertEquals(52, ir.at(51).b, "a PHI's back edge names a later instruction");
        assertEquals(-0.0, ir.at(53).aux);
        assertTrue(((Double) ir.at(54).aux).isNaN());
        assertEquals(Double.NEGATIVE_INFINITY, ir.at(55).aux);
    }

    @Test
    void exitNumbersNoLineUses_areEmptySnapshots() {
        TraceIr ir = IrText.parse("0000 num sloadn #0  [exit 2 pc 7 1=0000]\n", new IrSymbols());
        assertEquals(3, ir.snapshots.size());
        assertEquals(0, ir.snapshots.get(0).registers().length);
        assertEquals(2, ir.at(0).snapshot);
        assertEquals("0000 num sloadn #0  [exit 2 pc 7 1=0000]\n", IrText.print(ir, new IrSymbols()));
    }

    @Test
    void objectsWithoutNames_getNamesOfTheirKind_andReadBackAsTheSameObjects() {
        IrSymbols symbols = new IrSymbols();
        TraceIr ir = new TraceIr();
        LuaTable table = new LuaTable();
        ir.code.add(new Ir(IrOp.SLOADR, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, 0, LuaTable.class, 0));
        ir.code.add(new Ir(IrOp.GSAME, IrType.VOID, 0, Ir.NONE, Ir.NONE, null, table, null, 0));
        ir.code.add(new Ir(IrOp.FNUM, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, new int[] {0}, SQRT, "sqrt", 0));
        String text = IrText.print(ir, symbols);
        assertEquals("0000 ref sloadr #0 LuaTable\n0001 void gsame 0000 table:1\n0002 num fnum (0000) handle:1 java\"sqrt\"\n", text);
        TraceIr back = IrText.parse(text, symbols);
        assertSame(table, back.at(1).aux);
        assertSame(SQRT, back.at(2).aux);
    }

    @Test
    void badText_isAnErrorNamingLineAndColumn() {
        IrSymbols symbols = new IrSymbols();
        assertEquals("line 1, column 1: expected instruction number 0000, found '0001'",
                error("0001 num knum 1.0", symbols));
        assertEquals("line 2, column 6: expected type, found 'word'", error("0000 num knum 1.0\n0001 word add 0000 0000", symbols));
        assertEquals("line 1, column 10: expected operation, found 'plus'", error("0000 num plus 0000", symbols));
        assertEquals("line 1, column 18: unknown name 'handle:cos'", error("0000 num fnum () handle:cos", symbols));
        assertEquals("line 1, column 14: reference 0003 past the last instruction", error("0000 num neg 0003", symbols));
        assertEquals("line 1, column 33: expected register=reference or ']', found 'x'", error("0000 num knum 1.0  [exit 0 pc 1 x", symbols));
        assertEquals("line 1, column 15: unclosed string", error("0000 ref kref \"abc", symbols));
        assertEquals("line 1, column 18: expected two hex digits after \\x", error("0000 ref kref \"ab\\xg1\"", symbols));
        assertEquals("line 1, column 23: more than two constants", error("0000 num knum 1.0 2.0 3.0", symbols));
        assertEquals("line 1, column 20: expected ')', found 'end of line'", error("0000 num fnum (0000", symbols));
    }

    private static String error(String text, IrSymbols symbols) {
        return assertThrows(IllegalArgumentException.class, () -> IrText.parse(text, symbols)).getMessage();
    }

    /** Loops that record most of what the recorder knows: their {@code -jdump} IR reads back and prints the same. */
    @Test
    void dumpsOfRecordedTraces_readBackAndPrintTheSame() {
        String dump = dumpOf("""
                local t, s, u = {}, 0, 0
                for i = 1, 20 do t[i] = i * 0.5 end
                for i = 1, 20 do s = s + math.sqrt(t[i]) % 3 - (-i) ^ 2 end
                for k, v in pairs({a = 1, b = 2, 3}) do s = s + v end
                for _, v in ipairs(t) do u = u + v end
                local names = {}
                for i = 1, 10 do names[#names + 1] = "n" .. i end
                local function f(x) return x + u end
                for i = 1, 10 do s = s + f(i); g = (g or 0) + 1 end
                for i = 1, 5 do for j = 1, 5 do s = s + j end end
                local ffi = require("ffi")
                local a = ffi.new("double[8]")
                for i = 0, 7 do a[i] = i end
                for i = 0, 7 do s = s + a[i] end
                local p = ffi.new("struct { double x, y; }[4]")
                for i = 0, 3 do p[i].x = i; s = s + p[i].x end
                local x = 0LL
                for i = 1, 20 do x = x * 3 + i; if x > 1000 then x = x % 7 end end
                print(s, u, #names, g, x)
                """);
        List<String> traces = new ArrayList<>(Arrays.asList(dump.split("---- TRACE [^\n]*\n")));
        traces.removeIf(String::isEmpty);
        assertTrue(traces.size() >= 8, dump);
        Set<IrOp> seen = EnumSet.noneOf(IrOp.class);
        for (String trace : traces) {
            IrSymbols symbols = IrSymbols.placeholders();
            TraceIr ir = IrText.parse(trace, symbols);
            ir.code.forEach(x -> seen.add(x.op));
            assertEquals(trace, IrText.print(ir, symbols));
        }
        assertTrue(seen.containsAll(EnumSet.of(IrOp.PHI, IrOp.FNUM, IrOp.NEXT, IrOp.CONCAT, IrOp.CLOAD, IrOp.CSTORE, IrOp.LOOPCALL, IrOp.I64ARITH, IrOp.I64CMP)),
                seen::toString);
    }

    private static String dumpOf(String script) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        JitEngine engine = JitEngine.of(runtime);
        engine.setDump(true);
        engine.setOption("hotloop=1");
        runtime.load(script.getBytes(StandardCharsets.UTF_8), "d").call(new Object[0]);
        return err.toString(StandardCharsets.UTF_8);
    }
}
