package dev.isthmus.bench.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The loop of {@code bench/lua/ffi_struct.lua} written in Java over a {@link MemorySegment}
 * of the same 100,000 {@code { int id; double x, y; }} structs: {@code y = x * 2} and
 * {@code sum += y + id} per element. It sits beside the compiled Lua loop and the same loop
 * in C ({@code bench/c/struct_loop.c}), so that what separates the trace from C can be told
 * apart from what separates the JVM's compiler from C's. Prints a {@code name ns-per-element
 * check} line as bench/lua/harness.lua does ({@link BestRound}).
 */
public final class StructLoopBaseline {
    private static final StructLayout PARTICLE = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("id"), MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_DOUBLE.withName("x"), ValueLayout.JAVA_DOUBLE.withName("y"));
    private static final long SIZE = PARTICLE.byteSize();
    private static final long ID = PARTICLE.byteOffset(MemoryLayout.PathElement.groupElement("id"));
    private static final long X = PARTICLE.byteOffset(MemoryLayout.PathElement.groupElement("x"));
    private static final long Y = PARTICLE.byteOffset(MemoryLayout.PathElement.groupElement("y"));

    private StructLoopBaseline() {
    }

    private static double work(MemorySegment particles, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            long p = i * SIZE;
            double y = particles.get(ValueLayout.JAVA_DOUBLE, p + X) * 2;
            particles.set(ValueLayout.JAVA_DOUBLE, p + Y, y);
            sum = sum + y + particles.get(ValueLayout.JAVA_INT, p + ID);
        }
        return sum;
    }

    public static void main(String[] args) throws Throwable {
        int n = 100_000;
        MemorySegment particles = Arena.global().allocate(PARTICLE, n);
        for (int i = 0; i < n; i++) {
            particles.set(ValueLayout.JAVA_INT, i * SIZE + ID, i);
            particles.set(ValueLayout.JAVA_DOUBLE, i * SIZE + X, i * 0.5);
        }
        BestRound.measure("java_struct_fields", n, () -> (long) work(particles, n));
    }
}
