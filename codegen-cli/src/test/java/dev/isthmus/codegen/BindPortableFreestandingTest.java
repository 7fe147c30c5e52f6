package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.oracle.CompilerOracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: portable bindings of a header that includes the C library's freestanding
 * headers ({@code stdint.h}, {@code stddef.h}, {@code stdbool.h}, {@code limits.h}), which
 * for each other ABI are Isthmus's own over that ABI's predefined macros: each ABI's layout
 * of the record is its compiler's ({@code -ffreestanding} for the other targets), and a
 * constant using {@code limits.h}'s {@code CHAR_BIT} is chosen per ABI. A header that includes a hosted one
 * ({@code stdio.h}) is refused, naming the host's header that does not describe the target.
 */
class BindPortableFreestandingTest {
    private static final String HEADER = """
            #include <stdint.h>
            #include <stddef.h>
            #include <stdbool.h>
            #include <limits.h>
            #define PF_LONG_BITS (sizeof(long) * CHAR_BIT)
            struct pf_record { int64_t big; size_t size; bool flag; long plain; intptr_t address; wchar_t wide; uint16_t small; };
            size_t pf_measure(const struct pf_record *record, int32_t scale);
            """;

    @TempDir
    Path dir;

    @Test
    void freestandingHeaders_bindPortably_withEachAbisLayout() throws Exception {
        Path header = Files.writeString(dir.resolve("pf.h"), HEADER);
        Path out = dir.resolve("gen");
        String report = bind("--abi", "portable", "--package", "org.example.pf", "--header-class", "Pf", "--output", out.toString(),
                header.toString());
        assertTrue(report.contains("1 functions, 1 structs") && !report.contains("not bound"), report);
        List<String> sizes = new ArrayList<>();
        for (Abi abi : Abi.all()) {
            CompilerOracle oracle = CompilerOracle.forAbi(abi);
            if (!abi.name().equals(Abi.host().name())) {
                oracle = oracle.withFlags(List.of("-ffreestanding"));
            }
            CompilerOracle.Measurement m = oracle.measure(HEADER, List.of(new CompilerOracle.Probe("struct pf_record", List.of(), List.of())))
                    .getFirst();
            sizes.add(m.byteSize() + "/" + m.byteAlignment());
        }
        String expected = String.join(" ", sizes) + " 64";
        String result = GeneratedBindings.compileAndRun(dir, out, "org.example.pf", """
                package org.example.pf;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        return PfRecord.LAYOUT_SYSV_X86_64.byteSize() + "/" + PfRecord.LAYOUT_SYSV_X86_64.byteAlignment() + " "
                                + PfRecord.LAYOUT_AARCH64.byteSize() + "/" + PfRecord.LAYOUT_AARCH64.byteAlignment() + " "
                                + PfRecord.LAYOUT_WIN64.byteSize() + "/" + PfRecord.LAYOUT_WIN64.byteAlignment() + " " + Pf.PF_LONG_BITS;
                    }
                }
                """);
        assertEquals(expected, result);
        String source = Files.readString(out.resolve("org/example/pf/Pf.java"));
        assertTrue(source.contains("32L"), "win64's 32-bit long chosen there:\n" + source);
    }

    @Test
    void hostedHeader_isRefusedForOtherAbis() throws Exception {
        Path header = Files.writeString(dir.resolve("hosted.h"), "#include <stdio.h>\nint pf_print(FILE *f);\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = IsthmusCli.execute(new String[] {"bind", "--abi", "portable", "--package", "org.example.pf", "--output",
                dir.resolve("gen").toString(), header.toString()}, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
        assertEquals(1, status, out.toString());
        assertTrue(err.toString().startsWith("[aarch64] /usr/include/x86_64-linux-gnu/")
                && err.toString().contains("this header of the C library describes x86_64-linux-gnu, not aarch64")
                && err.toString().contains("freestanding"), err.toString());
    }
}
