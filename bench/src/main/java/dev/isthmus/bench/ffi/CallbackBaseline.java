package dev.isthmus.bench.ffi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;

/**
 * The work of {@code bench/lua/qsort.lua} and {@code bench/lua/callback.lua} with the Lua
 * function replaced by a static Java method behind a raw Panama upcall stub: {@code qsort}
 * sorting the same 20000 ints with a comparator that counts its calls and subtracts the two
 * ints, and {@code it_sum_mapped} calling {@code x * 0.5} on 100000 doubles. What C calling
 * into the JVM costs before any Lua runs: the floor under the Lua callbacks' figures. Prints
 * {@code name ns-per-call check} lines ({@link BestRound}).
 */
public final class CallbackBaseline {
    private static final int SORTED = 20_000;
    private static final int MAPPED = 100_000;
    private static final MethodHandle QSORT;
    private static final MethodHandle SUM_MAPPED;
    private static final MemorySegment COMPARE;
    private static final MemorySegment HALF;
    private static final MemorySegment KEYS = Arena.global().allocate(ValueLayout.JAVA_INT, SORTED);
    private static final MemorySegment VALUES = Arena.global().allocate(ValueLayout.JAVA_DOUBLE, MAPPED);
    private static int compared;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(Path.of(System.getenv("ISTHMUS_TEST_LIB")), Arena.global());
        QSORT = linker.downcallHandle(linker.defaultLookup().find("qsort").orElseThrow(), FunctionDescriptor.ofVoid(
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        SUM_MAPPED = linker.downcallHandle(lib.find("it_sum_mapped").orElseThrow(), FunctionDescriptor.of(
                ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        // The comparator's arguments arrive as segments of one int each, as C's const int * would.
        AddressLayout intPointer = ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COMPARE = linker.upcallStub(lookup.findStatic(CallbackBaseline.class, "compare",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, intPointer, intPointer), Arena.global());
            HALF = linker.upcallStub(lookup.findStatic(CallbackBaseline.class, "half", MethodType.methodType(double.class, double.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        for (int i = 0; i < MAPPED; i++) {
            VALUES.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
        }
    }

    private CallbackBaseline() {
    }

    private static int compare(MemorySegment a, MemorySegment b) {
        compared++;
        return a.get(ValueLayout.JAVA_INT, 0) - b.get(ValueLayout.JAVA_INT, 0);
    }

    private static double half(double x) {
        return x * 0.5;
    }

    /** One round of qsort.lua's workload: the same keys in the same order, sorted; returns the comparisons made. */
    private static long sort() throws Throwable {
        for (int i = 0; i < SORTED; i++) {
            KEYS.setAtIndex(ValueLayout.JAVA_INT, i, (int) ((i * 7919L) % SORTED));
        }
        compared = 0;
        QSORT.invokeExact(KEYS, (long) SORTED, 4L, COMPARE);
        return compared;
    }

    private static long sumMapped() throws Throwable {
        return (long) (double) SUM_MAPPED.invokeExact(VALUES, (long) MAPPED, HALF);
    }

    public static void main(String[] args) throws Throwable {
        // qsort's comparisons depend only on the keys: the first round counts them for every round.
        BestRound.measure("java_qsort_callback", sort(), CallbackBaseline::sort);
        BestRound.measure("java_callback", MAPPED, CallbackBaseline::sumMapped);
    }
}
