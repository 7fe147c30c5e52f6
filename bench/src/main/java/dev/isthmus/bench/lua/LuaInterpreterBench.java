package dev.isthmus.bench.lua;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.runtime.LuaFunction;

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
 * The Lua VM's interpreter on the two workloads {@link DispatchFloorBench} strips down (the
 * Lua functions of {@code bench/lua/fib.lua} and {@code bench/lua/loops.lua}), under JMH so
 * the two are measured the same way: per Lua call and per loop iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:-ClipInlining", "--enable-native-access=ALL-UNNAMED"})
public class LuaInterpreterBench {
    private static final int FIB_CALLS = 21891;
    private static final int LOOP_ITERATIONS = 100_000;
    private static final String CHUNK = """
            local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
            local function loop(n)
              local sum = 0
              for i = 1, n do sum = sum + i % 7 * 0.5 end
              return sum
            end
            return fib, loop
            """;

    private LuaFunction fib;
    private LuaFunction loop;
    private final Object[] fibArgument = {20.0};
    private final Object[] loopArgument = {(double) LOOP_ITERATIONS};

    @Setup
    public void load() {
        var lua = Lua.newState(new ByteArrayInputStream(new byte[0]), new PrintStream(System.out), System.err);
        Object[] functions = lua.load(CHUNK.getBytes(StandardCharsets.UTF_8), "=bench").call(new Object[0]);
        fib = (LuaFunction) functions[0];
        loop = (LuaFunction) functions[1];
    }

    @Benchmark
    @OperationsPerInvocation(FIB_CALLS)
    public Object fibPerCall() {
        return fib.callForFirstResult(fibArgument);
    }

    @Benchmark
    @OperationsPerInvocation(LOOP_ITERATIONS)
    public Object numericLoopPerIteration() {
        return loop.callForFirstResult(loopArgument);
    }
}
