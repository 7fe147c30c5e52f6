package dev.isthmus.bench.ffi;

import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.Ffi;
import dev.isthmus.ffi.FieldAccess;

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

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

/**
 * Reading and writing {@code struct point { int x, y; }}'s {@code y}: a raw
 * {@link MemorySegment} access at the known offset (the reference), a precomputed
 * {@link FieldAccess} (typed, and generic with boxing and conversion), and
 * {@link CData#get(String)} by name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FieldAccessBench {
    private static final Ffi FFI = Ffi.create();
    private static final FieldAccess Y;

    static {
        FFI.cdef("struct point { int x, y; };");
        Y = FFI.fieldAccess("struct point", "y");
    }

    private CData point;
    private MemorySegment segment;
    private int value = 7;

    @Setup
    public void allocate() {
        point = FFI.newCData("struct point", 1, 2);
        segment = point.segment();
    }

    @Benchmark
    public int readRawSegment() {
        return segment.get(ValueLayout.JAVA_INT, 4);
    }

    @Benchmark
    public Object readFieldAccess() {
        return Y.get(point);
    }

    @Benchmark
    public int readFieldAccessTyped() {
        return Y.getInt(point);
    }

    @Benchmark
    public Object readCDataByName() {
        return point.get("y");
    }

    @Benchmark
    public void writeRawSegment() {
        segment.set(ValueLayout.JAVA_INT, 4, value);
    }

    @Benchmark
    public void writeFieldAccess() {
        Y.set(point, value);
    }

    @Benchmark
    public void writeFieldAccessTyped() {
        Y.setInt(point, value);
    }

    @Benchmark
    public void writeCDataByName() {
        point.set("y", value);
    }
}
