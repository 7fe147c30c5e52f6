package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.oracle.CompilerOracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bindings for another ABI than this machine's of a header that includes the hosted C
 * library's ({@code <sys/stat.h>}, {@code <time.h>}, {@code <zlib.h>} and through it
 * {@code <sys/types.h>}), with that ABI's own C library headers given by
 * {@code --system-include}: glibc's for AArch64, as Debian's {@code libc6-dev-arm64-cross}
 * installs them. The layouts are checked against clang for {@code aarch64-linux-gnu} reading
 * the same headers ({@code struct stat} differs from x86-64's: a 4-byte {@code st_nlink}, a
 * padding member). Without them, the host's headers are refused by name.
 */
class BindTargetLibcTest {
    private static final String AARCH64_LIBC = "/usr/aarch64-linux-gnu/include";
    private static final List<String> RECORDS_MEMBERS = List.of("st", "ts", "tm", "off", "size", "time", "stream", "l");
    private static final List<String> STAT_MEMBERS = List.of("st_dev", "st_ino", "st_mode", "st_nlink", "st_uid", "st_gid",
            "st_rdev", "st_size", "st_blksize", "st_blocks", "st_atim", "st_mtim", "st_ctim");
    private static final List<String> Z_STREAM_MEMBERS = List.of("next_in", "avail_in", "total_in", "next_out", "avail_out",
            "total_out", "msg", "state", "zalloc", "zfree", "opaque", "data_type", "adler", "reserved");

    @TempDir
    static Path dir;

    @Test
    void aarch64Bindings_withGlibcsAarch64Headers_layOutRecordsAsClangDoes() throws Exception {
        Path header = Path.of(BindTargetLibcTest.class.getResource("/bind/libc-records.h").toURI());
        Path generated = dir.resolve("gen");
        String report = bind("--abi", "aarch64", "--package", "org.example.arm", "--header-class", "Records",
                "--system-include", "aarch64=" + AARCH64_LIBC, "--output", generated.toString(), header.toString());
        assertTrue(report.startsWith("isthmus bind: wrote "), report);

        CompilerOracle oracle = CompilerOracle.forAbi(Abi.byName("aarch64").orElseThrow())
                .withFlags(List.of("-nostdinc", "-isystem", clangIncludes(), "-isystem", AARCH64_LIBC, "-idirafter", "/usr/include"));
        List<CompilerOracle.Measurement> measured = oracle.measure("#include \"" + header + "\"", List.of(
                new CompilerOracle.Probe("struct libc_records", RECORDS_MEMBERS, List.of()),
                new CompilerOracle.Probe("struct stat", STAT_MEMBERS, List.of()),
                new CompilerOracle.Probe("z_stream", Z_STREAM_MEMBERS, List.of())));
        List<String> expected = new ArrayList<>();
        describe(expected, "libc_records", measured.get(0), RECORDS_MEMBERS);
        describe(expected, "stat", measured.get(1), STAT_MEMBERS);
        describe(expected, "z_stream", measured.get(2), Z_STREAM_MEMBERS);
        String driver = """
                package org.example.arm;

                import java.lang.foreign.MemoryLayout;
                import java.util.ArrayList;
                import java.util.List;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        List<String> lines = new ArrayList<>();
                        describe(lines, "libc_records", LibcRecords.LAYOUT, %s);
                        describe(lines, "stat", Stat.LAYOUT, %s);
                        describe(lines, "z_stream", ZStreamS.LAYOUT, %s);
                        return String.join("\\n", lines);
                    }

                    private static void describe(List<String> lines, String name, MemoryLayout layout, List<String> members) {
                        lines.add(name + " " + layout.byteSize() + " " + layout.byteAlignment());
                        for (String m : members) {
                            lines.add(m + " " + layout.byteOffset(MemoryLayout.PathElement.groupElement(m)));
                        }
                    }
                }
                """.formatted(javaList(RECORDS_MEMBERS), javaList(STAT_MEMBERS), javaList(Z_STREAM_MEMBERS));
        assertEquals(String.join("\n", expected), GeneratedBindings.compileAndRun(dir.resolve("run"), generated, "org.example.arm", driver));
    }

    @Test
    void aarch64Bindings_withoutItsHeaders_refuseTheHostsByName() throws Exception {
        Path header = Path.of(BindTargetLibcTest.class.getResource("/bind/libc-records.h").toURI());
        StringWriter err = new StringWriter();
        int status = IsthmusCli.execute(new String[] {"bind", "--abi", "aarch64", "--package", "org.example.arm", "--output",
                dir.resolve("refused").toString(), header.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        String refused = err.toString();
        assertEquals(ExitCode.PARSE.status(), status, refused);
        assertTrue(refused.contains("/usr/include/x86_64-linux-gnu/") && refused.contains("describes x86_64-linux-gnu, not aarch64")
                && refused.contains("--system-include aarch64=DIR (" + AARCH64_LIBC), refused);
    }

    /** clang's own headers (stddef.h, stdarg.h), which -nostdinc drops with the host's. */
    private static String clangIncludes() throws Exception {
        Process p = new ProcessBuilder("clang", "-print-resource-dir").start();
        String resources = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), "clang -print-resource-dir");
        return resources + "/include";
    }

    private static void describe(List<String> lines, String name, CompilerOracle.Measurement m, List<String> members) {
        lines.add(name + " " + m.byteSize() + " " + m.byteAlignment());
        for (int i = 0; i < members.size(); i++) {
            lines.add(members.get(i) + " " + m.offsets().get(i));
        }
    }

    private static String javaList(List<String> names) {
        return "List.of(" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + ")";
    }
}
