package dev.isthmus.bench.lua;

import dev.isthmus.bench.ffi.NativeCallBench;
import dev.isthmus.lua.Lua;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;

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
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a C-to-Lua callback's time goes: the Lua functions of {@code bench/lua/callback.lua}
 * ({@code x * 0.5}) and {@code bench/lua/qsort.lua} (the comparator casting its two
 * {@code const void *} and reading an int through each), called from C through their
 * callback, and called from Java on the same arguments with no upcall in between
 * ({@link LuaFunction#callbackResultOf}, the entry the callback's stub calls). The difference
 * is the upcall and the argument and result conversions; {@code CallbackBench} has the raw
 * Panama upcall of a Java method for reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:-ClipInlining", "--enable-native-access=ALL-UNNAMED"})
public class LuaCallbackBench {
    private static final int COUNT = 1000;
    private static final String CHUNK = """
            local ffi = require 'ffi'
            ffi.cdef [[
            typedef double (*it_double_fn)(double x);
            double it_sum_mapped(const double *values, size_t count, it_double_fn f);
            ]]
            local lib = ffi.load(...)
            local n = %d
            local values = ffi.new('double[?]', n)
            for i = 0, n - 1 do values[i] = i end
            local half = function(x) return x * 0.5 end
            local halfCallback = ffi.cast('it_double_fn', half)
            local calls = 0
            local compare = function(a, b)
              calls = calls + 1
              return ffi.cast('const int *', a)[0] - ffi.cast('const int *', b)[0]
            end
            local ints = ffi.new('int[2]', 7, 3)
            return function() return lib.it_sum_mapped(values, n, halfCallback) end, half, compare,
              ffi.cast('const void *', ints), ffi.cast('const void *', ints + 1)
            """.formatted(COUNT);

    private LuaFunction sumMapped;
    private LuaFunction half;
    private LuaFunction compare;
    private Object first;
    private Object second;
    private final Object[] none = new Object[0];

    @Setup
    public void load() {
        var lua = Lua.newState(new ByteArrayInputStream(new byte[0]), new PrintStream(System.out), System.err);
        Object[] made = lua.load(CHUNK.getBytes(StandardCharsets.UTF_8), "=bench")
                .call(new Object[] {LuaString.of(NativeCallBench.LIBRARY.toAbsolutePath().toString())});
        sumMapped = (LuaFunction) made[0];
        half = (LuaFunction) made[1];
        compare = (LuaFunction) made[2];
        first = made[3];
        second = made[4];
    }

    /** C ({@code it_sum_mapped}) calling {@code x * 0.5} per element through its callback. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public Object callbackFromC() {
        return sumMapped.callForFirstResult(none);
    }

    /** The same Lua function entered from Java as the callback's stub enters it, the number unboxed. */
    @Benchmark
    public double callbackBodyFromJava() {
        Object r = half.callbackResultOf(1, LuaFunction.UNBOXED_NUMBER, 3.0, null, 0);
        return r == LuaFunction.UNBOXED_NUMBER ? half.numberResult() : Double.NaN;
    }

    /** qsort.lua's comparator entered from Java on two pointer cdata, as its stub enters it. */
    @Benchmark
    public double comparatorBodyFromJava() {
        Object r = compare.callbackResultOf(2, first, 0, second, 0);
        return r == LuaFunction.UNBOXED_NUMBER ? compare.numberResult() : Double.NaN;
    }
}
