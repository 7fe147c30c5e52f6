package dev.isthmus.ffi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Java handlers called from C: libc's qsort, the test library's callers, and handlers that throw. */
class CallbackTest {
    private static Ffi ffi;
    private static NativeLibrary lib;

    @BeforeAll
    static void declare() throws Exception {
        ffi = TestLibraries.declaredFfi();
        ffi.cdef("void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));");
        lib = TestLibraries.load(ffi);
    }

    @Test
    void qsort_withAJavaComparator_sortsNativeInts() {
        CData values = ffi.newCData("int[6]", 5, -1, 42, 0, 7, -9);
        AtomicInteger calls = new AtomicInteger();
        Callback compare = ffi.callback("int (*)(const void *, const void *)", args -> {
            calls.incrementAndGet();
            int a = ((MemorySegment) args[0]).reinterpret(4).get(ValueLayout.JAVA_INT, 0);
            int b = ((MemorySegment) args[1]).reinterpret(4).get(ValueLayout.JAVA_INT, 0);
            return Integer.compare(a, b);
        });
        ffi.C().function("qsort").invoke(values, 6, 4, compare);
        int[] sorted = new int[6];
        for (int i = 0; i < 6; i++) {
            sorted[i] = (Integer) values.at(i).get();
        }
        assertEquals("[-9, -1, 0, 5, 7, 42]", java.util.Arrays.toString(sorted));
        assertEquals(true, calls.get() >= 5);
        compare.free();
    }

    @Test
    void invoke_javaFunctionForAFunctionPointer_becomesAnImplicitCallback() {
        CData values = ffi.newCData("int[4]", 3, 1, 4, 2);
        java.util.function.Function<Object[], Object> descending = args -> Integer.compare(
                ((MemorySegment) args[1]).reinterpret(4).get(ValueLayout.JAVA_INT, 0),
                ((MemorySegment) args[0]).reinterpret(4).get(ValueLayout.JAVA_INT, 0));
        ffi.C().function("qsort").invoke(values, 4, 4, descending);
        assertEquals(4, values.at(0).get());
        assertEquals(1, values.at(3).get());
    }

    @Test
    void callbacks_convertArgumentsAndResults_andCanBeReplaced() {
        Callback binop = ffi.callback("it_int_binop", args -> (Integer) args[0] * (Integer) args[1]);
        assertEquals(42, lib.function("it_call_int_binop").invoke(binop, 6, 7));
        binop.set(args -> (Integer) args[0] - (Integer) args[1]);
        assertEquals(-1, lib.function("it_call_int_binop").invoke(binop, 6, 7));
        Callback twice = ffi.callback("double (*)(double)", args -> (Double) args[0] * 2);
        assertEquals(12.0, lib.function("it_call_twice").invoke(twice, 3.0));
        binop.free();
        twice.free();
    }

    @Test
    void throwingHandler_returnsZeroToC_andTheExceptionSurfacesAfterTheCall() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger calls = new AtomicInteger();
        Callback thrower = ffi.callback("it_double_fn", args -> {
            calls.incrementAndGet();
            throw boom;
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> lib.function("it_call_twice").invoke(thrower, 1.0));
        assertSame(boom, thrown);
        assertEquals(2, calls.get(), "C carried on with zero and called again");
        thrower.set(args -> {
            throw new RuntimeException(new IOException("checked inside"));
        });
        assertThrows(RuntimeException.class, () -> lib.function("it_call_double_fn").invoke(thrower, 1.0));
        thrower.set(args -> 1.5);
        assertEquals(1.5, lib.function("it_call_double_fn").invoke(thrower, 1.0), "nothing left pending");
        thrower.free();
    }

    /**
     * The check after a call is no code until a callback first leaves an exception pending in
     * the process (a switch point, {@link Callback#rethrowingPending}): a loop compiled without
     * it must still see the first exception, at the call whose callback threw. (When an earlier
     * test of this JVM already left one pending, this checks the ordinary path.)
     */
    @Test
    void throwingHandler_inALoopOfCallsThatDidNotThrow_surfacesAfterItsCall() throws Throwable {
        IllegalStateException boom = new IllegalStateException("boom");
        Callback halving = ffi.callback("it_double_fn", args -> (Double) args[0] / 2);
        java.lang.invoke.MethodHandle call = lib.function("it_call_double_fn").callingHandle();
        int calls = 0;
        try {
            for (; calls < 200_000; calls++) {
                if (calls == 150_000) {
                    halving.set(args -> {
                        throw boom;
                    });
                }
                double half = (double) call.invokeExact(halving.pointer(), 4.0);
                assertEquals(2.0, half);
            }
        } catch (IllegalStateException e) {
            assertSame(boom, e);
        }
        assertEquals(150_000, calls);
        halving.free();
    }

    @Test
    void freedCallback_calledFromC_raisesFreedCallbackException_andTheNextOfItsSignatureReusesTheStub() {
        Callback doubler = ffi.callback("double (*)(double)", args -> (Double) args[0] * 2);
        MemorySegment pointer = doubler.pointer();
        doubler.free();
        assertEquals(true, doubler.isFreed());
        assertThrows(FreedCallbackException.class, () -> lib.function("it_call_twice").invoke(pointer, 3.0));
        assertThrows(IllegalStateException.class, doubler::free);
        assertThrows(IllegalStateException.class, () -> doubler.set(args -> 0.0));
        Callback next = ffi.callback("double (*)(double)", args -> (Double) args[0] + 1);
        assertEquals(pointer.address(), next.pointer().address());
        assertEquals(5.0, lib.function("it_call_twice").invoke(pointer, 3.0));
        next.free();
    }

    static double half(double x) {
        return x / 2;
    }

    static double fail(double x) {
        throw new IllegalStateException("from the target");
    }

    @Test
    void methodHandleTarget_isCalledWithCarriers_andCanBeReplaced() throws Exception {
        java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
        java.lang.invoke.MethodType doubleToDouble = java.lang.invoke.MethodType.methodType(double.class, double.class);
        dev.isthmus.cparser.type.CType type = ffi.scope().parseType("it_double_fn");
        assertEquals(doubleToDouble, ffi.callbackCarrierType(type));
        Callback callback = ffi.callback(type, lookup.findStatic(CallbackTest.class, "half", doubleToDouble));
        assertEquals(doubleToDouble, callback.carrierType());
        assertEquals(2.5, lib.function("it_call_twice").invoke(callback, 10.0));
        callback.set(lookup.findStatic(CallbackTest.class, "fail", doubleToDouble));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> lib.function("it_call_double_fn").invoke(callback, 1.0));
        assertEquals("from the target", thrown.getMessage());
        callback.set(args -> (Double) args[0] + 1);
        assertEquals(3.0, lib.function("it_call_double_fn").invoke(callback, 2.0), "a handler replaces a target");
        callback.free();
    }

    static int compareIntsAt(long a, long b) {
        return Integer.compare(MemorySegment.ofAddress(a).reinterpret(4).get(ValueLayout.JAVA_INT, 0),
                MemorySegment.ofAddress(b).reinterpret(4).get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void methodHandleTarget_withPointersAsAddresses_takesLongs_andAHandlerGetsSegments() throws Exception {
        dev.isthmus.cparser.type.CType type = ffi.scope().parseType("int (*)(const void *, const void *)");
        java.lang.invoke.MethodType addresses = java.lang.invoke.MethodType.methodType(int.class, long.class, long.class);
        assertEquals(addresses, ffi.callbackCarrierType(type, true));
        Callback compare = ffi.callback(type, java.lang.invoke.MethodHandles.lookup().findStatic(CallbackTest.class, "compareIntsAt", addresses), true);
        CData values = ffi.newCData("int[5]", 4, -2, 9, 0, 3);
        ffi.C().function("qsort").invoke(values, 5, 4, compare);
        assertEquals(-2, values.at(0).get());
        assertEquals(9, values.at(4).get());
        // A handler set later still gets its pointer arguments as segments.
        compare.set(args -> -Integer.compare(((MemorySegment) args[0]).reinterpret(4).get(ValueLayout.JAVA_INT, 0),
                ((MemorySegment) args[1]).reinterpret(4).get(ValueLayout.JAVA_INT, 0)));
        ffi.C().function("qsort").invoke(values, 5, 4, compare);
        assertEquals(9, values.at(0).get());
        assertEquals(-2, values.at(4).get());
        compare.free();
    }

    @Test
    void replace_replacesOnlyTheExpectedTarget_andNothingOnceFreed() throws Exception {
        java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
        java.lang.invoke.MethodType doubleToDouble = java.lang.invoke.MethodType.methodType(double.class, double.class);
        java.lang.invoke.MethodHandle half = lookup.findStatic(CallbackTest.class, "half", doubleToDouble);
        java.lang.invoke.MethodHandle negate = java.lang.invoke.MethodHandles.filterReturnValue(half,
                lookup.findStatic(CallbackTest.class, "negate", doubleToDouble));
        Callback callback = ffi.callback(ffi.scope().parseType("it_double_fn"), half);
        assertEquals(false, callback.replace(negate, half), "the target is not negate");
        assertEquals(true, callback.replace(half, negate));
        assertEquals(-2.0, lib.function("it_call_double_fn").invoke(callback, 4.0));
        callback.set(half);
        assertEquals(false, callback.replace(negate, negate), "set replaced it meanwhile");
        callback.free();
        assertEquals(false, callback.replace(half, negate), "a freed callback's stub is not relinked");
    }

    static double negate(double x) {
        return -x;
    }

    @Test
    void methodHandleTarget_ofAnotherType_isRejected() {
        java.lang.invoke.MethodHandle identity = java.lang.invoke.MethodHandles.identity(int.class);
        assertThrows(IllegalArgumentException.class, () -> ffi.callback(ffi.scope().parseType("it_double_fn"), identity));
    }

    @Test
    void callbackType_mustBeAFunction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ffi.callback("int", args -> 0));
        assertInstanceOf(IllegalArgumentException.class, e);
    }
}
