package dev.isthmus.bench.cparser;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Warm parse time of the whole preprocessed system header set into a fresh scope, as JMH
 * measures it. Divide the set's size (printed by {@link ParseThroughput}) by the score for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CParserBench {
    private String headers;

    @Setup
    public void preprocess() throws Exception {
        headers = HeaderSet.preprocess(List.of());
    }

    @Benchmark
    public int declareSystemHeaders() {
        return CScope.create(Abi.host()).declare(headers, "system-headers").size();
    }
}
