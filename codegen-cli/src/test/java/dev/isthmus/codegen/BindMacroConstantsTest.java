package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** A driver printing each value as the C program's {@code SHOW} does: {@code %s} is the package's last name, then the calls. */
    private static final String DRIVER = """
        package org.example.%s;

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
                java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofAuto();
                %s
                return String.join("\\n", lines);
            }
        }
        """;

    @TempDir
    Path dir;

    @Test
    void constantsAndMacros_computeAsCcDoes() throws Exception {
        List<String> shown = new ArrayList<>(CONSTANTS);
        shown.addAll(CALLS);
        assertAllBound(showsAsCcDoes("consts", HEADER, "", shown, "", shown));
    }

    /**
     * Integer macros compute in C's types, not in 64 signed bits: each call's arguments are
     * {@code long long} in C (the Java method's {@code long}), and the results of unsigned
     * division, remainder, comparison and right shift, of promotions of narrower types, and
     * of casts to 32-bit types must be {@code cc}'s.
     */
    @Test
    void integerMacros_computeInCsTypes() throws Exception {
        String header = """
                #define TOP(x) ((unsigned long long)(x) >> 63)
                #define UDIV(a, b) ((unsigned long long)(a) / (b))
                #define UMOD(a, b) ((a) % (unsigned long long)(b))
                #define ULESS(a, b) ((unsigned long long)(a) < (b))
                #define U32(x) ((unsigned)(x))
                #define I32(x) ((int)(x))
                #define U32_SHR(x, n) ((unsigned)(x) >> (n))
                #define I32_SHR(x, n) ((int)(x) >> (n))
                #define U32_WRAP(x) ((unsigned)(x) + 1u)
                #define U32_NOT(x) (~(unsigned)(x))
                #define U32_NEG(x) (-(unsigned)(x))
                #define U32_SHL(x) ((unsigned)(x) << 28)
                #define U32_DIV(a, b) ((unsigned)(a) / (unsigned)(b))
                #define U32_BELOW_ALL(x) (U32(x) < -1)
                #define UCHAR_MINUS(x) ((unsigned char)(x) - 300)
                #define USHORT_TIMES(x) ((unsigned short)(x) * 2)
                #define MASK_LOW(x) ((x) & 0xFFFFFFFF)
                #define PICK(x) ((x) ? 1u : -1)
                #define U64_AS_DOUBLE(x) ((double)(unsigned long long)(x))
                #define U64_HALF(x) ((unsigned long long)(x) * 0.5)
                #define U64_AS_FLOAT(x) ((float)(unsigned long long)(x))
                """;
        List<String> calls = List.of("TOP(-1L)", "TOP(5L)", "UDIV(-1L, 3L)", "UDIV(10L, 3L)", "UMOD(-1L, 10L)", "UMOD(-7L, 3L)",
                "ULESS(-1L, 1L)", "ULESS(1L, -1L)", "U32(-1L)", "U32(0x123456789L)", "I32(0xFFFFFFFFL)", "I32(0x180000000L)",
                "U32_SHR(-1L, 4L)", "I32_SHR(-1L, 4L)", "U32_WRAP(-1L)", "U32_NOT(0L)", "U32_NEG(1L)", "U32_SHL(0x1FL)",
                "U32_DIV(-1L, 2L)", "U32_BELOW_ALL(5L)", "U32_BELOW_ALL(-1L)", "UCHAR_MINUS(0x1FFL)", "USHORT_TIMES(-1L)",
                "MASK_LOW(-1L)", "PICK(0L)", "PICK(7L)", "U64_AS_DOUBLE(-1L)", "U64_AS_DOUBLE(-3L)", "U64_HALF(-1L)",
                "U64_AS_FLOAT(0x8000008000000001L)");
        // In C each argument is a long long, as the Java method's long is.
        List<String> cCalls = calls.stream().map(call -> call.substring(0, call.indexOf('(') + 1)
                + call.substring(call.indexOf('(') + 1, call.length() - 1).replaceAll("([^, ][^,]*)", "(long long) ($1L)") + ")").toList();
        assertAllBound(showsAsCcDoes("ints", header, "", cCalls, "", calls));
    }

    /**
     * Macros that read members of a parameter (libpng's {@code (image).width}) take the memory
     * of the one bound record with those members, and compute with each member's C type:
     * narrow and unsigned members promoted, an unsigned 32-bit product wrapped, unsigned 64-bit
     * division, a {@code float} member, an enum member, through {@code ->} too; casts to
     * typedef names; a constant of an included header ({@code INT32_MAX}); arguments substituted without parentheses and a macro name passed as an
     * argument and called by the body, as C expands them. Each against {@code cc}'s values;
     * the macros whose record parameter cannot be told or read are reported with the reason.
     */
    @Test
    void memberReadingMacros_takeTheRecord_andComputeAsCcDoes() throws Exception {
        String header = """
                #include <stdint.h>
                typedef unsigned long wide_t;
                struct sample {
                    unsigned char small;
                    short s;
                    uint32_t u;
                    int64_t big;
                    uint64_t ubig;
                    float f;
                    double d;
                    enum kind { KIND_A = 1, KIND_B = 7 } kind;
                    unsigned bits : 3;
                    struct { int inner; };
                    int array[2];
                };
                struct left { int x; int y; };
                enum { K_TWO = 2 };
                struct right { int x; int y; };
                #define SUM_SMALL(p) ((p).small + (p).s)
                #define U_WRAP(p) ((p).u * 3)
                #define HALF_BIG(p) ((p)->big / 2)
                #define UBIG_DIV(p, d) ((p)->ubig / (d))
                #define MIXED(p) ((p).f * 2 + (p).d)
                #define KIND_TIMES(p) ((p).kind * -1)
                #define INNER_LESS(p) ((p).inner < (p).u)
                #define WIDE_HALF(x) ((wide_t) (x) >> 1)
                #define BELOW_INT32_MAX(x) ((x) < INT32_MAX - K_TWO)
                #define MUL(a, b) a * b
                #define PRECEDENCE(x) MUL(x + 1, 2)
                #define SQUARE(x) ((x) * (x))
                #define HIGHER(f, x) f(x)
                #define APPLIED(x) HIGHER(SQUARE, x)
                #define BITS_PLUS(p) ((p).bits + 1)
                #define BOTH(p) ((p).x + (p).y)
                #define MISSING(p) ((p).nothing + 1)
                #define WHOLE(p) ((p).array + 1)
                """;
        String cSetup = "struct sample s = { 200, -7, 0xF0000000u, -9, 0xFFFFFFFFFFFFFFF0ull, 1.25f, 0.1, KIND_B, 5, { -3 }, { 0, 0 } };";
        String javaSetup = """
                java.lang.foreign.MemorySegment s = Sample.allocate(arena);
                Sample.small(s, (byte) 200);
                Sample.s(s, (short) -7);
                Sample.u(s, 0xF0000000);
                Sample.big(s, -9L);
                Sample.ubig(s, 0xFFFFFFFFFFFFFFF0L);
                Sample.f(s, 1.25f);
                Sample.d(s, 0.1);
                Sample.kind(s, Members.KIND_B);
                Sample.inner(s, -3);
                """;
        List<String> cCalls = List.of("SUM_SMALL(s)", "U_WRAP(s)", "HALF_BIG(&s)", "UBIG_DIV(&s, 3LL)", "MIXED(s)", "KIND_TIMES(s)",
                "INNER_LESS(s)", "WIDE_HALF(-1LL)", "BELOW_INT32_MAX(5LL)", "BELOW_INT32_MAX(2147483645LL)", "PRECEDENCE(5LL)", "APPLIED(-4LL)");
        List<String> javaCalls = cCalls.stream().map(c -> c.replace("&", "").replace("LL)", "L)")).toList();
        String report = showsAsCcDoes("members", header, cSetup, cCalls, javaSetup, javaCalls);
        assertTrue(report.contains("): member bits of struct sample is a bitfield, which C promotes by its width"), report);
        assertTrue(report.contains("): its parameter p is read as a struct or union with members x, y, which struct left and struct right all have,"
                + " so its type cannot be told"), report);
        assertTrue(report.contains("): its parameter p is read as a struct or union with member nothing, and no bound struct or"
                + " union has it"), report);
        assertTrue(report.contains("): member array of struct sample is not an arithmetic value"), report);
        for (String reported : List.of("BITS_PLUS", "BOTH", "MISSING", "WHOLE")) {
            assertTrue(report.contains("macro " + reported + " ("), report);
        }
        // HIGHER calls its parameter f: only its uses with a macro's name are expressions.
        assertTrue(report.contains("macro HIGHER (") && report.contains("): its body is neither a constant expression of its parameters"
                + " (its parameter f is called as a function) nor a call of a bound function"), report);
        assertTrue(report.contains("not bound (5):"), report);
    }

    private static void assertAllBound(String report) {
        assertTrue(!report.contains("not bound"), report);
    }

    /**
     * Binds {@code header} as package {@code org.example.<name>} and checks that Java's
     * {@code javaExpressions} (naming the header class's members) print what C's
     * {@code cExpressions}, the same ones in C's spelling, print when compiled by {@code cc},
     * each after its setup statements; returns the report.
     */
    private String showsAsCcDoes(String name, String header, String cSetup, List<String> cExpressions, String javaSetup,
                                 List<String> javaExpressions) throws Exception {
        Path headerFile = Files.writeString(dir.resolve(name + ".h"), header);
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <string.h>
                #include "%s.h"
                static void floating(double d) { unsigned long long u; memcpy(&u, &d, 8); printf("f %%llx\\n", u); }
                static void integer(long long i) { printf("i %%lld\\n", i); }
                #define SHOW(x) _Generic((x), float: floating, double: floating, default: integer)(x)
                int main(void) {
                """.formatted(name)).append(cSetup).append('\n');
        cExpressions.forEach(e -> c.append("  SHOW(").append(e).append(");\n"));
        c.append("  return 0;\n}\n");
        String expected = runC(c.toString());
        String headerClass = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String javaLines = javaSetup + String.join("\n", javaExpressions.stream().map(e -> "show(lines, " + headerClass + "." + e + ");").toList());
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example." + name, "--output", out.toString(), headerFile.toString());
        String result = GeneratedBindings.compileAndRun(dir, out, "org.example." + name, DRIVER.formatted(name, javaLines));
        assertEquals(expected, result);
        return report;
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

    /**
     * Macros that read memory through a pointer ({@code *(p)}, {@code (p)[1]}), take an address
     * or are statements are no constant expressions of their arguments: each is listed with
     * what it does; a macro standing in for a bound function of its name says so.
     */
    @Test
    void memoryReadingAndStatementMacros_areListedWithWhatTheyDo() throws Exception {
        Path header = Files.writeString(dir.resolve("mem.h"), """
                int next_of(const unsigned char *buf);
                #define FIRST(p) (*(p))
                #define SECOND(p) ((p)[1])
                #define AT(p, n) (*((p) + (n)) << 8)
                #define ADDRESS(x) (&(x))
                #define SWAP(a, b) do { int t = a; a = b; b = t; } while (0)
                #define BLOCK(a) { (a) = 0; }
                #define next_of(buf) FIRST(buf)
                """);
        String report = bind("--package", "org.example.mem", "--output", dir.resolve("gen").toString(), header.toString());
        for (String[] expected : List.of(new String[] {"FIRST", "it reads memory through a pointer, *(p), which no constant expression does"},
                new String[] {"SECOND", "it reads memory through a pointer, (p)[1], which no constant expression does"},
                new String[] {"AT", "it reads memory through a pointer, *((p)+(n)), which no constant expression does"},
                new String[] {"ADDRESS", "it takes an address, &(x), which is no arithmetic value"},
                new String[] {"SWAP", "its body is statements, not an expression"},
                new String[] {"BLOCK", "its body is statements, not an expression"},
                new String[] {"next_of", "it has the name of the function next_of, which is bound"})) {
            assertTrue(report.contains("macro " + expected[0] + " (" + header + ":") && report.contains(expected[1]), expected[0] + "\n" + report);
        }
        assertTrue(report.contains("not bound (7):\n"), report);
    }

    private String runC(String program) throws Exception {
        return GeneratedBindings.ccOutput(dir, program);
    }
}
