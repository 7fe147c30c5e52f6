package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: packed structs passed and returned by value. Those whose members sit where
 * their natural alignment would put them are passed with their unpacked twin's layout,
 * which the ABI treats alike (floats in SSE registers, a 24-byte struct of a
 * {@code #pragma pack(4)} in memory); C compiled by {@code cc} here computes with them, so
 * a member read from the wrong register or place would show. A packed struct with a member
 * off its alignment is refused, and the report says why.
 */
class BindPackedByValueTest {
    private static final String HEADER = """
            struct __attribute__((packed)) pk_pair { int a; int b; };
            struct __attribute__((packed)) pk_floats { float x; float y; double z; };
            #pragma pack(push, 4)
            struct pk_mixed { char tag; char pad[7]; long long big; float f; int tail; };
            #pragma pack(pop)
            struct __attribute__((packed)) pk_odd { char c; int i; };

            int pk_pair_sum(struct pk_pair p);
            struct pk_pair pk_pair_make(int a, int b);
            double pk_floats_sum(struct pk_floats f);
            struct pk_floats pk_floats_scale(struct pk_floats f, float k);
            long long pk_mixed_total(struct pk_mixed m);
            struct pk_mixed pk_mixed_make(char tag, long long big, float f);
            int pk_odd_get(struct pk_odd o);
            typedef double (*pk_floats_callback)(struct pk_floats f);
            double pk_floats_call(pk_floats_callback callback, float x);
            """;

    private static final String SOURCE = """
            #include "packed.h"
            int pk_pair_sum(struct pk_pair p) { return p.a * 10 + p.b; }
            struct pk_pair pk_pair_make(int a, int b) { struct pk_pair p = { a, b }; return p; }
            double pk_floats_sum(struct pk_floats f) { return f.x + f.y * 10 + f.z * 100; }
            struct pk_floats pk_floats_scale(struct pk_floats f, float k) { f.x *= k; f.y *= k; f.z *= k; return f; }
            long long pk_mixed_total(struct pk_mixed m) { return m.tag + m.big + (long long) m.f + m.tail; }
            struct pk_mixed pk_mixed_make(char tag, long long big, float f) { struct pk_mixed m = { tag, {0}, big, f, 3 }; return m; }
            int pk_odd_get(struct pk_odd o) { return o.i; }
            double pk_floats_call(pk_floats_callback callback, float x) { struct pk_floats f = { x, x + 1, x + 2 }; return callback(f); }
            """;

    @TempDir
    Path dir;

    @Test
    void packedStructsByValue_alignedMembersPassAsTheirTwin_othersAreRefused() throws Exception {
        Path header = Files.writeString(dir.resolve("packed.h"), HEADER);
        Path source = Files.writeString(dir.resolve("packed.c"), SOURCE);
        Path library = GeneratedBindings.sharedLibrary(dir, "packed", source);
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.pk", "--header-class", "Pk", "-l", library.toString(),
                "--output", out.toString(), header.toString());
        assertTrue(report.contains("function pk_odd_get (" + header + ":14:5): passes the packed struct pk_odd by value,"),
                report);
        assertEquals(1, report.lines().filter(l -> l.contains("function ")).count(), report);
        String result = GeneratedBindings.compileAndRun(dir, out, "org.example.pk", """
                package org.example.pk;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment pair = Pk.pk_pair_make(arena, 4, 7);
                            MemorySegment floats = PkFloats.allocate(arena);
                            PkFloats.x(floats, 1.5f);
                            PkFloats.y(floats, 2.0f);
                            PkFloats.z(floats, 3.25);
                            MemorySegment scaled = Pk.pk_floats_scale(arena, floats, 2.0f);
                            MemorySegment mixed = Pk.pk_mixed_make(arena, (byte) 5, 1L << 40, 7.9f);
                            double called = Pk.pk_floats_call(PkFloatsCallback.allocate(f -> PkFloats.x(f) + PkFloats.z(f), arena), 2.0f);
                            return Pk.pk_pair_sum(pair) + " " + PkPair.LAYOUT.byteSize() + " " + Pk.pk_floats_sum(floats) + " "
                                    + PkFloats.x(scaled) + " " + PkFloats.z(scaled) + " " + Pk.pk_mixed_total(mixed) + " "
                                    + PkMixed.big(mixed) + " " + PkMixed.LAYOUT.byteSize() + " " + called;
                        }
                    }
                }
                """);
        assertEquals("47 8 346.5 3.0 6.5 " + (5 + (1L << 40) + 7 + 3) + " " + (1L << 40) + " 24 6.0", result);
    }
}
