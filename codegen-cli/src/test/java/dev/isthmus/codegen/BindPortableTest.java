package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.oracle.CompilerOracle;

import org.junit.jupiter.api.BeforeAll;
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
 * Issue #13's portable bindings ({@code --abi portable}): one set of classes carries the
 * layouts and signatures of SysV x86-64, AArch64 and Win64 and picks one at run time.
 * Each ABI's accessors are checked against that ABI's compiler ({@code cc}, clang for
 * {@code aarch64-linux-gnu} and {@code x86_64-pc-windows-msvc}): the generated code is
 * compiled with its {@code TargetAbi} replaced by one naming the ABI, and a driver sets
 * every member of {@code portable.h}'s records to all ones in zeroed memory and reports
 * which bits changed, as the compiler's initialised globals show them; sizes and
 * alignments too. On this machine, the functions are called for real (C {@code long}
 * results and a struct of longs returned by value, a callback).
 */
class BindPortableTest {
    /** Records and their members as the probes name them, with each member's Java setter call on a segment {@code s}. */
    private record MemberCase(String path, String setter) {
    }

    private record RecordCase(String cName, String javaClass, List<MemberCase> members) {
    }

    private static final List<RecordCase> RECORDS = List.of(
            new RecordCase("struct port_scalars", "PortScalars", List.of(
                    new MemberCase("c", "PortScalars.c(s, (byte) -1)"), new MemberCase("l", "PortScalars.l(s, -1L)"),
                    new MemberCase("ul", "PortScalars.ul(s, -1L)"), new MemberCase("ll", "PortScalars.ll(s, -1L)"),
                    new MemberCase("s", "PortScalars.s(s, (short) -1)"), new MemberCase("size", "PortScalars.size(s, -1L)"),
                    new MemberCase("numbers[1]", "PortScalars.numbers(s).setAtIndex(ValueLayout.JAVA_INT, 1, -1)"))),
            new RecordCase("struct port_bits", "PortBits", List.of(
                    new MemberCase("a", "PortBits.a(s, (byte) -1)"), new MemberCase("b", "PortBits.b(s, -1)"),
                    new MemberCase("c", "PortBits.c(s, -1)"), new MemberCase("d", "PortBits.d(s, -1L)"),
                    new MemberCase("e", "PortBits.e(s, (short) -1)"), new MemberCase("f", "PortBits.f(s, -1L)"),
                    new MemberCase("g", "PortBits.g(s, (byte) -1)"))),
            new RecordCase("struct port_nested", "PortNested", List.of(
                    new MemberCase("tag", "PortNested.tag(s, (byte) -1)"),
                    new MemberCase("inner.ul", "PortScalars.ul(PortNested.inner(s), -1L)"),
                    new MemberCase("lv", "PortNested.lv(s, -1L)"), new MemberCase("i", "PortNested.i(s, -1)"),
                    new MemberCase("bits.f", "PortBits.f(PortNested.bits(s), -1L)"),
                    new MemberCase("tail", "PortNested.tail(s, (byte) -1)"))),
            new RecordCase("struct port_packed", "PortPacked", List.of(
                    new MemberCase("c", "PortPacked.c(s, (byte) -1)"), new MemberCase("l", "PortPacked.l(s, -1L)"),
                    new MemberCase("ll", "PortPacked.ll(s, -1L)"))));

    @TempDir
    static Path dir;

    /** portable.h's function-like macros whose C types differ between ABIs, bound with a body per ABI. */
    private static final List<String> DIFFERING_MACROS = List.of("PORT_BELOW_ALL", "PORT_ONES_SHIFTED", "PORT_SCALED");

    private static Path generated;
    private static String header;
    private static String report;

    @BeforeAll
    static void bindPortableHeader() throws Exception {
        Path source = Path.of(BindPortableTest.class.getResource("/bind/portable.h").toURI());
        header = Files.readString(source);
        generated = dir.resolve("gen");
        report = bind("--abi", "portable", "--package", "org.example.port", "--header-class", "Port",
                "--output", generated.toString(), source.toString());
        assertTrue(report.startsWith("isthmus bind: wrote ") && !report.contains("not bound"), report);
    }

    @Test
    void portableBindings_onEachAbi_setTheBitsItsCompilerSets() throws Exception {
        for (Abi abi : Abi.all()) {
            List<CompilerOracle.Probe> probes = RECORDS.stream().map(r -> new CompilerOracle.Probe(r.cName(), List.of(),
                    r.members().stream().map(MemberCase::path).toList())).toList();
            List<CompilerOracle.Measurement> measured = CompilerOracle.forAbi(abi).measure(header, probes);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < RECORDS.size(); i++) {
                CompilerOracle.Measurement m = measured.get(i);
                expected.add(RECORDS.get(i).cName() + " " + m.byteSize() + " " + m.byteAlignment());
                for (int j = 0; j < RECORDS.get(i).members().size(); j++) {
                    long[] bits = m.bitFields().get(j);
                    expected.add(RECORDS.get(i).members().get(j).path() + " " + bits[0] + " " + bits[1]);
                }
            }
            assertEquals(String.join("\n", expected), runAs(abi), "accessors for " + abi.name());
        }
    }

    @Test
    void portableBindings_onThisMachine_callLibc() throws Exception {
        String result = GeneratedBindings.compileAndRun(dir.resolve("host"),
                GeneratedBindings.copyTree(generated, dir.resolve("host-gen")), "org.example.port", """
                package org.example.port;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;

                @SuppressWarnings("restricted")
                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            long big = Port.strtoul(arena.allocateFrom("4000000000"), MemorySegment.NULL, 10);
                            MemorySegment quotient = Port.ldiv(arena, -17, 5);
                            MemorySegment numbers = arena.allocateFrom(ValueLayout.JAVA_INT, 5, -2, 9, 0);
                            Port.qsort(numbers, 4, 4, QsortCompare.allocate((a, b) -> Integer.compare(
                                    a.reinterpret(4).get(ValueLayout.JAVA_INT, 0), b.reinterpret(4).get(ValueLayout.JAVA_INT, 0)), arena));
                            MemorySegment scalars = PortScalars.allocate(arena);
                            PortScalars.l(scalars, -123456789012L);
                            return big + " " + Port.labs(-5) + " " + Port.llabs(-7) + " " + PortLdivT.quot(quotient) + " "
                                    + PortLdivT.rem(quotient) + " " + java.util.Arrays.toString(numbers.toArray(ValueLayout.JAVA_INT))
                                    + " " + PortScalars.l(scalars) + " " + Port.strlen(arena.allocateFrom("isthmus")) + " "
                                    + Port.PORT_LONG_BYTES + " " + PortScalars.LAYOUT.byteSize();
                        }
                    }
                }
                """);
        assertEquals("4000000000 5 7 -3 -2 [-2, 0, 5, 9] -123456789012 7 8 80", result);
    }

    /**
     * Constants whose C type is {@code long} or {@code unsigned long} (8 bytes, or 4 on
     * Win64) are Java {@code long}s holding each ABI's value, as its compiler computes it;
     * one that is a {@code float} on Win64 and a {@code double} elsewhere is a Java
     * {@code double} holding each one's value.
     */
    @Test
    void portableConstants_onEachAbi_holdItsCompilersValue() throws Exception {
        List<String> integers = List.of("PORT_ALL_ONES", "PORT_WRAPPED", "PORT_MINUS_FIVE", "PORT_LONG_LOW", "PORT_HALF_RANGE");
        String source = Files.readString(generated.resolve("org/example/port/Port.java"));
        for (String name : integers) {
            assertTrue(source.contains("public static final long " + name + " = "), source);
        }
        assertTrue(source.contains("public static final long PORT_ALL_ONES = TargetAbi.WIN64 ? 4294967295L : 0xffffffffffffffffL;"), source);
        assertTrue(source.contains("public static final double PORT_REAL = TargetAbi.WIN64 ? "), source);
        for (Abi abi : Abi.all()) {
            CompilerOracle oracle = CompilerOracle.forAbi(abi);
            List<String> expected = new ArrayList<>();
            oracle.values(header, integers, false).forEach(v -> expected.add(Long.toString(v)));
            expected.add(Long.toHexString(oracle.values(header, List.of("PORT_REAL"), true).getFirst()));
            String driver = """
                    package org.example.port;

                    public final class Driver implements java.util.concurrent.Callable<String> {
                        @Override
                        public String call() {
                            return String.join("\\n", %s, Long.toHexString(Double.doubleToRawLongBits(Port.PORT_REAL)));
                        }
                    }
                    """.formatted(String.join(", ", integers.stream().map(n -> "Long.toString(Port." + n + ")").toList()));
            assertEquals(String.join("\n", expected), runAs(abi, "constants-", driver), "constants for " + abi.name());
        }
    }

    /**
     * A function-like macro is typed on each ABI with that ABI's constants (an {@code int} on
     * one may be a {@code long long} on another): the macros bound compute on each ABI what
     * its compiler computes, those whose C types differ between ABIs with a body per ABI,
     * never with the first ABI's arithmetic.
     */
    @Test
    void portableMacros_onEachAbi_computeAsItsCompilerDoes() throws Exception {
        List<String> calls = List.of("PORT_WIDE_MASK(0x123456789aLL)", "PORT_WIDE_MASK(-1LL)", "PORT_PLUS_MINUS_FIVE(3LL)",
                "PORT_PLUS_MINUS_FIVE(-9223372036854775807LL)", "PORT_BELOW_ALL(4LL)", "PORT_BELOW_ALL(-1LL)", "PORT_ONES_SHIFTED(4LL)",
                "PORT_ONES_SHIFTED(1LL)");
        // A floating argument is a double in C, as the Java method's.
        List<String> floatingCalls = List.of("PORT_SCALED(3.0)", "PORT_SCALED(-0.7)");
        String driver = """
                package org.example.port;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        return String.join("\\n", %s, %s);
                    }
                }
                """.formatted(String.join(", ", calls.stream().map(c -> "Long.toString(Port." + c.replace("LL)", "L)") + ")").toList()),
                String.join(", ", floatingCalls.stream().map(c -> "Long.toString(Double.doubleToRawLongBits(Port." + c + "))").toList()));
        for (Abi abi : Abi.all()) {
            List<String> expected = new ArrayList<>(CompilerOracle.forAbi(abi).values(header, calls, false).stream()
                    .map(v -> Long.toString(v)).toList());
            CompilerOracle.forAbi(abi).values(header, floatingCalls, true).forEach(v -> expected.add(Long.toString(v)));
            assertEquals(String.join("\n", expected), runAs(abi, "macros-", driver), "macros for " + abi.name());
        }
        for (String name : DIFFERING_MACROS) {
            // The compilers do disagree: each ABI's value of a call, bit for bit.
            boolean floating = name.equals("PORT_SCALED");
            String call = name + (floating ? "(3)" : "(4)");
            List<Long> values = new ArrayList<>();
            for (Abi abi : Abi.all()) {
                values.add(CompilerOracle.forAbi(abi).values(header, List.of(floating ? call : "(long long) " + call), floating).getFirst());
            }
            assertTrue(values.stream().distinct().count() > 1, name + " on each ABI: " + values);
        }
    }

    /** Compiles the bindings with {@code TargetAbi} naming {@code abi}, and runs the accessor driver. */
    private static String runAs(Abi abi) throws Exception {
        StringBuilder calls = new StringBuilder();
        for (RecordCase r : RECORDS) {
            calls.append("lines.add(\"").append(r.cName()).append(" \" + ").append(r.javaClass()).append(".LAYOUT.byteSize() + \" \" + ")
                    .append(r.javaClass()).append(".LAYOUT.byteAlignment());\n");
            for (MemberCase m : r.members()) {
                calls.append("{\nMemorySegment s = ").append(r.javaClass()).append(".allocate(arena);\n").append(m.setter())
                        .append(";\nlines.add(\"").append(m.path()).append(" \" + bits(s));\n}\n");
            }
        }
        return runAs(abi, "", """
                package org.example.port;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.util.ArrayList;
                import java.util.List;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        List<String> lines = new ArrayList<>();
                        try (Arena arena = Arena.ofConfined()) {
                            %s
                        }
                        return String.join("\\n", lines);
                    }

                    /** The first set bit and how many are set, as the compiler oracle reports a member. */
                    private static String bits(MemorySegment s) {
                        long first = -1;
                        long count = 0;
                        for (long i = 0; i < s.byteSize() * 8; i++) {
                            if ((s.get(ValueLayout.JAVA_BYTE, i / 8) >> (i %% 8) & 1) != 0) {
                                first = first < 0 ? i : first;
                                count++;
                            }
                        }
                        return first + " " + count;
                    }
                }
                """.formatted(calls));
    }

    /** Compiles the bindings with {@code TargetAbi} naming {@code abi} (in a directory named {@code prefix} and the ABI), and runs {@code driver}. */
    private static String runAs(Abi abi, String prefix, String driver) throws Exception {
        return GeneratedBindings.compileAndRunAs(abi, dir.resolve(prefix + abi.name()), generated, "org.example.port", driver);
    }
}
