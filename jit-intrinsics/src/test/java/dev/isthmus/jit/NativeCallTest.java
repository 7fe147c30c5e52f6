package dev.isthmus.jit;

import dev.isthmus.ffi.NativeFunction;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Emitted native calls against ffi-core's generic invoke of the same functions, on the same random inputs. */
class NativeCallTest {
    private static final NativeFunction IT_ADD = TestNatives.LIB.function("it_add");
    private static final NativeFunction STRLEN = TestNatives.FFI.C().function("strlen");

    @Test
    void emit_everyMode_agreesWithInvokeOnRandomOperands() throws Throwable {
        Random random = new Random(11);
        for (CallMode mode : CallMode.values()) {
            NativeCall call = NativeCall.of(IT_ADD, mode);
            MethodHandle add = Generated.operation(call.type(), (mv, data) -> call.emit(mv, data));
            for (int i = 0; i < 200; i++) {
                int a = random.nextInt();
                int b = random.nextInt();
                assertEquals(IT_ADD.invoke(a, b), (int) add.invokeExact(a, b), mode + " " + a + " + " + b);
            }
        }
    }

    @Test
    void emitLoadHandleThenInvokeExact_callsLikeEmit() throws Throwable {
        NativeCall call = NativeCall.of(STRLEN, CallMode.CRITICAL);
        MethodHandle strlen = Generated.method(call.type(), (mv, data) -> {
            call.emitLoadHandle(mv, data);
            mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, 0);
            call.emitInvokeExact(mv);
            mv.visitInsn(org.objectweb.asm.Opcodes.LRETURN);
        });
        Random random = new Random(12);
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < 100; i++) {
                String s = "x".repeat(random.nextInt(300));
                MemorySegment text = arena.allocateFrom(s);
                assertEquals(STRLEN.invoke(text), (long) strlen.invokeExact(text));
            }
        }
    }

    @Test
    void emit_criticalHeapMode_passesJavaArraysInPlace() throws Throwable {
        NativeCall call = NativeCall.of(STRLEN, CallMode.CRITICAL_HEAP);
        MethodHandle strlen = Generated.operation(call.type(), call::emit);
        Random random = new Random(14);
        for (int i = 0; i < 100; i++) {
            byte[] text = new byte[random.nextInt(200) + 1];
            int length = random.nextInt(text.length);
            java.util.Arrays.fill(text, 0, length, (byte) 'a');
            assertEquals(length, (long) strlen.invokeExact(MemorySegment.ofArray(text)));
        }
        NativeCall offHeapOnly = NativeCall.of(STRLEN, CallMode.CRITICAL);
        MethodHandle plain = Generated.operation(offHeapOnly.type(), offHeapOnly::emit);
        assertThrows(IllegalArgumentException.class, () -> {
            long ignored = (long) plain.invokeExact(MemorySegment.ofArray(new byte[1]));
        });
    }

    @Test
    void emit_capturingMode_leavesErrnoForFfiErrno() throws Throwable {
        NativeFunction failWith = TestNatives.LIB.function("it_fail_with");
        NativeCall call = NativeCall.of(failWith, CallMode.CAPTURING);
        MethodHandle fail = Generated.operation(call.type(), (mv, data) -> call.emit(mv, data));
        assertEquals(-1, (int) fail.invokeExact(34));
        assertEquals(34, TestNatives.FFI.errno());
        assertEquals(-1, (int) fail.invokeExact(22));
        assertEquals(22, TestNatives.FFI.errno());
    }

    @Test
    void ofVariadic_oneShape_agreesWithInvoke() throws Throwable {
        TestNatives.FFI.cdef("int64_t it_sum_ints(int count, ...); double it_sum_doubles(int count, ...);");
        NativeFunction sumInts = TestNatives.LIB.function("it_sum_ints");
        NativeFunction sumDoubles = TestNatives.LIB.function("it_sum_doubles");
        NativeCall ints = NativeCall.ofVariadic(sumInts, List.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        NativeCall doubles = NativeCall.ofVariadic(sumDoubles, List.of(ValueLayout.JAVA_DOUBLE));
        MethodHandle sumOfTwo = Generated.operation(ints.type(), ints::emit);
        MethodHandle sumOfOne = Generated.operation(doubles.type(), doubles::emit);
        Random random = new Random(13);
        for (int i = 0; i < 100; i++) {
            int a = random.nextInt();
            int b = random.nextInt();
            double d = random.nextGaussian();
            assertEquals(sumInts.invoke(2, a, b), (long) sumOfTwo.invokeExact(2, a, b));
            assertEquals(sumDoubles.invoke(1, d), (double) sumOfOne.invokeExact(1, d));
        }
    }

    @Test
    void emit_symbolsThatAreNoJvmNames_stillNameTheCallSite() throws Throwable {
        for (String symbol : new String[] {"function pointer", "0x7f00.<1>/[2];", ""}) {
            NativeCall call = NativeCall.of(symbol, IT_ADD.handle());
            MethodHandle add = Generated.operation(call.type(), call::emit);
            assertEquals(5, (int) add.invokeExact(2, 3), symbol);
        }
        assertEquals("function pointer", NativeCall.of("function pointer", IT_ADD.handle()).callSiteName());
        assertEquals("0x7f00__1___2]_", NativeCall.of("0x7f00.<1>/[2];", IT_ADD.handle()).callSiteName());
        assertThrows(NullPointerException.class, () -> NativeCall.of(null, IT_ADD.handle()));
    }
}
