package dev.isthmus.bench.ffi;

import dev.isthmus.ffi.Callback;
import dev.isthmus.ffi.Ffi;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * C calling back into Java: {@code it_sum_mapped(values, COUNT, f)} from native-test-libs
 * calls {@code f} once per element, for {@code f} a raw Panama upcall stub of a static method
 * (the reference: what the JDK charges for a C-to-Java call) and an Isthmus
 * {@link Ffi#callback(dev.isthmus.cparser.type.CType, MethodHandle)} of the same method (its
 * exception guard and retargetable call site). Scores are per callback. The floor in plain C is
 * {@code bench/c/call_loop.c}'s "callback" line; the Lua VM's figure is
 * {@code bench/lua/callback.lua}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CallbackBench {
    private static final int COUNT = 1000;
    private static final Ffi FFI = Ffi.create();
    private static final MethodHandle SUM_MAPPED;
    private static final MethodHandle HALF;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(NativeCallBench.LIBRARY, Arena.global());
        SUM_MAPPED = linker.downcallHandle(lib.find("it_sum_mapped").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        try {
            HALF = MethodHandles.lookup().findStatic(CallbackBench.class, "half", MethodType.methodType(double.class, double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        FFI.cdef("typedef double (*it_double_fn)(double x);");
    }

    private Arena arena;
    private MemorySegment values;
    private MemorySegment rawStub;
    private Callback isthmusCallback;
    private MemorySegment isthmusStub;

    static double half(double x) {
        return x * 0.5;
    }

    @Setup
    public void create() {
        arena = Arena.ofShared();
        values = arena.allocate(ValueLayout.JAVA_DOUBLE, COUNT);
        for (int i = 0; i < COUNT; i++) {
            values.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
        }
        rawStub = Linker.nativeLinker().upcallStub(HALF, FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE), arena);
        isthmusCallback = FFI.callback(FFI.typeof("it_double_fn"), HALF);
        isthmusStub = isthmusCallback.pointer();
    }

    @TearDown
    public void free() {
        isthmusCallback.free();
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public double halfRawPanama() throws Throwable {
        return (double) SUM_MAPPED.invokeExact(values, (long) COUNT, rawStub);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public double halfIsthmusCallback() throws Throwable {
        return (double) SUM_MAPPED.invokeExact(values, (long) COUNT, isthmusStub);
    }
}
