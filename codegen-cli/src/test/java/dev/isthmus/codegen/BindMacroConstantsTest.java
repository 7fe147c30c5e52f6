package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: {@code #define} constants that refer to other defines, cast, and compute in
 * floating point, and function-like macros that compute in floating point or call other
 * function-like macros, each against the value a program compiled by {@code cc} prints.
 * Floating values are compared by their bits (of the value as a double), integers as
 * {@code long long}; C's {@code _Generic} and Java's overloads pick the printing by type, so
 * a {@code float} in C must be a {@code float} in Java too.
 */
class BindMacroConstantsTest {
    private static final String HEADER = """
            #define K_BASE 10
            #define K_DERIVED (K_BASE * 2 + 1)
            #define K_SCALE 0.5
            #define K_SCALED (K_SCALE * 4.0 / 3)
            #define K_THIRD ((float) 1 / 3)
            #define K_THIRD_SUM (K_THIRD + K_THIRD + 0.1f)
            #define K_BYTE ((unsigned char) 300)
            #define K_SHIFT (-(1 << 4) >> 1)
            #define K_ALL_ONES (~0ULL)
            #define K_MIXED (K_BASE / 4.0)
            #define K_HEX_FLOAT 0x1.8p-3
            #define K_SMALL 1.1e-3f
            #define K_PICK (K_BASE > 5 ? 2.5 : 1)
            #define K_TRUNC ((int) (K_SCALED * 100))
            #define K_SIZE (sizeof(double) * 3)
            #define F_SQUARE(x) ((x) * (x))
            #define F_NESTED(x) (F_SQUARE(x) + K_BASE)
            #define F_TWICE_NESTED(x, y) (F_NESTED(x) - F_SQUARE((y) + 1))
            #define F_HALF(x) ((x) / 2.0)
            #define F_SCALE(x) ((x) * K_SCALE + K_THIRD)
            #define F_AS_FLOAT(x) ((float) (x) / 3)
            #define F_PARITY_WEIGHT(n) ((n) % 2 ? 1.5 : K_SCALE)
            #define F_ROUNDED(x) ((long) ((x) * 10 + 0.5))
            #define F_AREA(r) (F_SQUARE(r) * 3.14159)
            #define F_HUGE(x) ((x) * 1e999)
            """;

    private static final List<String> CONSTANTS = List.of("K_BASE", "K_DERIVED", "K_SCALE", "K_SCALED", "K_THIRD", "K_THIRD_SUM",
            "K_BYTE", "K_SHIFT", "K_ALL_ONES", "K_MIXED", "K_HEX_FLOAT", "K_SMALL", "K_PICK", "K_TRUNC", "K_SIZE");

    /** Calls, each with C's and Java's spelling of the arguments. */
    private static final List<String> CALLS = List.of("F_SQUARE(7)", "F_NESTED(-3)", "F_TWICE_NESTED(4, 2)", "F_HALF(7)",
            "F_HALF(2.25)", "F_SCALE(3)", "F_SCALE(0.1)", "F_AS_FLOAT(2)", "F_PARITY_WEIGHT(3)", "F_PARITY_WEIGHT(4)",
            "F_ROUNDED(2.34)", "F_ROUNDED(7)", "F_AREA(2)", "F_AREA(0.5)", "F_HUGE(2)");

    @TempDir
    Path dir;

    @Test
    void constantsAndMacros_computeAsCcDoes() throws Exception {
        Path header = Files.writeString(dir.resolve("consts.h"), HEADER);
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <string.h>
                #include "consts.h"
                static void floating(double d) { unsigned long long u; memcpy(&u, &d, 8); printf("f %llx\\n", u); }
                static void integer(long long i) { printf("i %lld\\n", i); }
                #define SHOW(x) _Generic((x), float: floating, double: floating, default: integer)(x)
                int main(void) {
                """);
        List<String> javaLines = new ArrayList<>();
        for (String constant : CONSTANTS) {
            c.append("  SHOW(").append(constant).append(");\n");
            javaLines.add("show(lines, Consts." + constant + ");");
        }
        for (String call : CALLS) {
            c.append("  SHOW(").append(call).append(");\n");
            javaLines.add("show(lines, Consts." + call + ");");
        }
        c.append("  return 0;\n}\n");
        String expected = runC(c.toString());
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.consts", "--output", out.toString(), header.toString());
        assertTrue(!report.contains("not bound"), report);
        String result = GeneratedBindings.compileAndRun(dir, out, "org.example.consts", """
                package org.example.consts;

                import java.util.ArrayList;
                import java.util.List;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    private static void show(List<String> lines, double d) {
                        lines.add("f " + Long.toHexString(Double.doubleToRawLongBits(d)));
                    }

                    private static void show(List<String> lines, float f) {
                        show(lines, (double) f);
                    }

                    private static void show(List<String> lines, long i) {
                        lines.add("i " + i);
                    }

                    @Override
                    public String call() {
                        List<String> lines = new ArrayList<>();
                        %s
                        return String.join("\\n", lines);
                    }
                }
                """.formatted(String.join("\n", javaLines)));
        assertEquals(expected, result);
    }

    /**
     * {@code long double}, which Java has no type for: a constant is a {@code double} field
     * holding C's value rounded to {@code double} (what C's conversion to {@code double}
     * gives, compared by bits), listed as bound with a change; a function-like macro that
     * computes in it is not bound, and listed with that reason.
     */
    @Test
    void longDoubleConstants_areRoundedDoubles_andLongDoubleMacrosAreReported() throws Exception {
        Path header = Files.writeString(dir.resolve("ld.h"), """
                #define LD_PI 3.14159265358979323846264338327950288L
                #define LD_THIRD (1.0L / 3)
                #define LD_HUGE 1e300L
                #define LD_SIZE sizeof(long double)
                #define LD_SCALE(x) ((x) * 1.5L)
                #define LD_CAST(x) ((long double) (x) / 3)
                #define LD_PLUS_PI(x) ((x) + LD_PI)
                """);
        String expected = runC("""
                #include <stdio.h>
                #include <string.h>
                #include "ld.h"
                static void show(double d) { unsigned long long u; memcpy(&u, &d, 8); printf("%llx\\n", u); }
                int main(void) { show(LD_PI); show(LD_THIRD); show(LD_HUGE); printf("%zu\\n", LD_SIZE); return 0; }
                """);
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.ld", "--output", out.toString(), header.toString());
        for (String name : List.of("LD_PI", "LD_THIRD", "LD_HUGE")) {
            assertTrue(report.contains("constant " + name + " (" + header + ":"), report);
        }
        assertTrue(report.contains("bound with a change (3):\n"), report);
        assertTrue(report.contains("long double, which Java has no type for: a double, computed in double precision"), report);
        for (String name : List.of("LD_SCALE", "LD_CAST", "LD_PLUS_PI")) {
            assertTrue(report.contains("macro " + name + " (" + header + ":") && report.contains("): it computes in long double"), report);
        }
        assertTrue(report.contains("not bound (3):\n"), report);
        String result = GeneratedBindings.compileAndRun(dir, out, "org.example.ld", """
                package org.example.ld;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    private static String bits(double d) {
                        return Long.toHexString(Double.doubleToRawLongBits(d));
                    }

                    @Override
                    public String call() {
                        return bits(Ld.LD_PI) + "\\n" + bits(Ld.LD_THIRD) + "\\n" + bits(Ld.LD_HUGE) + "\\n" + Ld.LD_SIZE;
                    }
                }
                """);
        assertEquals(expected, result);
    }

    private String runC(String program) throws Exception {
        Path source = Files.writeString(dir.resolve("consts.c"), program);
        Path binary = dir.resolve("consts");
        Process cc = new ProcessBuilder("cc", "-I" + dir, "-o", binary.toString(), source.toString()).redirectErrorStream(true).start();
        String ccOutput = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, ccOutput);
        Process run = new ProcessBuilder(binary.toString()).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS) && run.exitValue() == 0);
        return output;
    }
}
