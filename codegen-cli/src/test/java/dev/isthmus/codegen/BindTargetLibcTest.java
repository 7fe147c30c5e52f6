package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.oracle.CompilerOracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bindings for other ABIs than this machine's of headers that include the hosted C
 * library's, with each ABI's own C library headers given by {@code --system-include}:
 * glibc's for AArch64 (Debian's {@code libc6-dev-arm64-cross}) and MinGW-w64's for Win64
 * ({@code mingw-w64-x86-64-dev}), which Win64's predefined macros read as Microsoft's compiler
 * does ({@code __int64}, {@code __declspec}, {@code __forceinline}). Layouts are checked
 * against clang for each target reading the same headers: {@code struct stat} (AArch64's has
 * a 4-byte {@code st_nlink} and a padding member), and zlib's records in portable bindings,
 * whose {@code uLong} members are 8 bytes or, on Win64, 4. Without the option, the host's
 * headers are refused by name.
 */
class BindTargetLibcTest {
    private static final Map<String, String> LIBC = Map.of(
            "aarch64", "/usr/aarch64-linux-gnu/include",
            "win64", "/usr/x86_64-w64-mingw32/include");
    private static final List<String> RECORDS_MEMBERS = List.of("st", "ts", "tm", "off", "size", "time", "stream", "l");
    private static final List<String> STAT_MEMBERS = List.of("st_dev", "st_ino", "st_mode", "st_nlink", "st_uid", "st_gid",
            "st_rdev", "st_size", "st_blksize", "st_blocks", "st_atim", "st_mtim", "st_ctim");
    private static final List<String> Z_STREAM_MEMBERS = List.of("next_in", "avail_in", "total_in", "next_out", "avail_out",
            "total_out", "msg", "state", "zalloc", "zfree", "opaque", "data_type", "adler", "reserved");
    private static final List<String> GZ_HEADER_MEMBERS = List.of("text", "time", "xflags", "os", "extra", "extra_len",
            "extra_max", "name", "name_max", "comment", "comm_max", "hcrc", "done");

    @TempDir
    static Path dir;

    /** A record as the oracle probes it and as the driver finds its Java class. */
    private record RecordCase(String cName, String javaClass, List<String> members) {
    }

    @Test
    void aarch64Bindings_withGlibcsAarch64Headers_layOutRecordsAsClangDoes() throws Exception {
        Path header = Path.of(BindTargetLibcTest.class.getResource("/bind/libc-records.h").toURI());
        Path generated = dir.resolve("arm-gen");
        String report = bind("--abi", "aarch64", "--package", "org.example.arm", "--header-class", "Records",
                "--system-include", "aarch64=" + LIBC.get("aarch64"), "--output", generated.toString(), header.toString());
        assertTrue(report.startsWith("isthmus bind: wrote "), report);
        Abi aarch64 = Abi.byName("aarch64").orElseThrow();
        List<RecordCase> records = List.of(new RecordCase("struct libc_records", "LibcRecords", RECORDS_MEMBERS),
                new RecordCase("struct stat", "Stat", STAT_MEMBERS), new RecordCase("z_stream", "ZStreamS", Z_STREAM_MEMBERS));
        assertEquals(expectedLayouts(aarch64, "#include \"" + header + "\"", records),
                GeneratedBindings.compileAndRun(dir.resolve("arm"), generated, "org.example.arm", layoutDriver("org.example.arm", records)));
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
                && refused.contains("--system-include aarch64=DIR (" + LIBC.get("aarch64")), refused);
    }

    @Test
    void portableZlib_onEachAbi_laysOutItsRecordsAsItsCompilerDoes() throws Exception {
        Path generated = portableZlib();
        List<RecordCase> records = List.of(new RecordCase("z_stream", "ZStream", Z_STREAM_MEMBERS),
                new RecordCase("gz_header", "GzHeader", GZ_HEADER_MEMBERS));
        for (Abi abi : Abi.all()) {
            assertEquals(expectedLayouts(abi, "#include <zlib.h>", records), GeneratedBindings.compileAndRunAs(abi,
                    dir.resolve("pz-" + abi.name()), generated, "org.example.pz", layoutDriver("org.example.pz", records)),
                    "zlib's records for " + abi.name());
        }
    }

    @Test
    void portableZlib_onThisMachine_callsWithUnsignedLongs() throws Exception {
        Path generated = portableZlib();
        String result = GeneratedBindings.compileAndRun(dir.resolve("pz-host"), GeneratedBindings.copyTree(generated,
                dir.resolve("pz-host-gen")), "org.example.pz", """
                package org.example.pz;

                import java.lang.foreign.Arena;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            return Zlib.compressBound(100000) + " " + Long.toHexString(Zlib.crc32(0, arena.allocateFrom("isthmus"), 7));
                        }
                    }
                }
                """);
        CRC32 crc = new CRC32();
        crc.update("isthmus".getBytes(StandardCharsets.US_ASCII));
        // zlib's compressBound: sourceLen + (sourceLen >> 12) + (sourceLen >> 14) + (sourceLen >> 25) + 13.
        assertEquals((100000 + (100000 >> 12) + (100000 >> 14) + 13) + " " + Long.toHexString(crc.getValue()), result);
    }

    /**
     * zlib's {@code deflateInit} macro passes {@code sizeof(z_stream)}, which differs between
     * ABIs: the portable method passes each ABI's size, its compiler's. zlib on this machine
     * accepts a stream only when the size passed is its own, so the branch of each ABI run
     * here must answer {@code Z_OK} exactly where that ABI's size is this machine's, and
     * {@code Z_VERSION_ERROR} (-6, before it touches the stream) elsewhere.
     */
    @Test
    void portableZlib_deflateInit_passesEachAbisSizeOfZStream() throws Exception {
        Path generated = portableZlib();
        String driver = """
                package org.example.pz;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment stream = ZStream.allocate(arena);
                            int code = Zlib.deflateInit(stream, -1);
                            if (code == Zlib.Z_OK) {
                                Zlib.deflateEnd(stream);
                            }
                            return code + " " + ZStream.LAYOUT.byteSize();
                        }
                    }
                }
                """;
        List<RecordCase> zStream = List.of(new RecordCase("z_stream", "ZStream", List.of()));
        long hostSize = Long.parseLong(expectedLayouts(Abi.host(), "#include <zlib.h>", zStream).split(" ")[1]);
        List<Long> sizes = new ArrayList<>();
        for (Abi abi : Abi.all()) {
            long size = Long.parseLong(expectedLayouts(abi, "#include <zlib.h>", zStream).split(" ")[1]);
            sizes.add(size);
            assertEquals((size == hostSize ? 0 : -6) + " " + size, GeneratedBindings.compileAndRunAs(abi,
                    dir.resolve("pz-init-" + abi.name()), generated, "org.example.pz", driver), "deflateInit for " + abi.name());
        }
        assertTrue(sizes.stream().distinct().count() > 1, "the ABIs' sizes of z_stream: " + sizes);
    }

    /** zlib.h bound portably (once per test class), with AArch64's and Win64's C library headers. */
    private static synchronized Path portableZlib() {
        Path generated = dir.resolve("pz-gen");
        if (!generated.toFile().exists()) {
            String report = bind("--abi", "portable", "--package", "org.example.pz", "--header-class", "Zlib", "-l", "z",
                    "--system-include", "aarch64=" + LIBC.get("aarch64"), "--system-include", "win64=" + LIBC.get("win64"),
                    "--output", generated.toString(), "/usr/include/zlib.h");
            assertTrue(report.startsWith("isthmus bind: wrote ") && report.contains(" 81 functions, "), report);
        }
        return generated;
    }

    /** What the layout driver must print for {@code records} on {@code abi}: its compiler's sizes, alignments and offsets. */
    private static String expectedLayouts(Abi abi, String prelude, List<RecordCase> records) throws Exception {
        List<CompilerOracle.Probe> probes = records.stream().map(r -> new CompilerOracle.Probe(r.cName(), r.members(), List.of())).toList();
        List<CompilerOracle.Measurement> measured = CompilerOracle.forAbi(abi).withFlags(includeFlags(abi)).measure(prelude, probes);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            CompilerOracle.Measurement m = measured.get(i);
            lines.add(records.get(i).cName() + " " + m.byteSize() + " " + m.byteAlignment());
            for (int j = 0; j < records.get(i).members().size(); j++) {
                lines.add(records.get(i).members().get(j) + " " + m.offsets().get(j));
            }
        }
        return String.join("\n", lines);
    }

    /** A driver printing each record's size, alignment and member offsets from its class's {@code LAYOUT}. */
    private static String layoutDriver(String packageName, List<RecordCase> records) {
        StringBuilder calls = new StringBuilder();
        for (RecordCase r : records) {
            calls.append("describe(lines, \"").append(r.cName()).append("\", ").append(r.javaClass()).append(".LAYOUT, List.of(")
                    .append(String.join(", ", r.members().stream().map(m -> "\"" + m + "\"").toList())).append("));\n");
        }
        return """
                package %s;

                import java.lang.foreign.MemoryLayout;
                import java.util.ArrayList;
                import java.util.List;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        List<String> lines = new ArrayList<>();
                        %s
                        return String.join("\\n", lines);
                    }

                    private static void describe(List<String> lines, String name, MemoryLayout layout, List<String> members) {
                        lines.add(name + " " + layout.byteSize() + " " + layout.byteAlignment());
                        for (String m : members) {
                            lines.add(m + " " + layout.byteOffset(MemoryLayout.PathElement.groupElement(m)));
                        }
                    }
                }
                """.formatted(packageName, calls);
    }

    /**
     * The flags that make the oracle compiler read {@code abi}'s C library headers, as the
     * bindings did. For Win64, clang targets {@code x86_64-w64-mingw32}, the same Windows x64
     * data model and record layout as MSVC's for records without bitfields or
     * {@code long double}: in MSVC mode it rejects MinGW-w64's {@code process.h} (a
     * {@code __declspec(noreturn)} after a declarator), which zlib.h includes.
     */
    private static List<String> includeFlags(Abi abi) throws Exception {
        String libc = LIBC.get(abi.name());
        if (libc == null) {
            return List.of();
        }
        Process p = new ProcessBuilder("clang", "-print-resource-dir").start();
        String resources = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), "clang -print-resource-dir");
        List<String> flags = new ArrayList<>(abi.name().equals("win64") ? List.of("-target", "x86_64-w64-mingw32") : List.of());
        flags.addAll(List.of("-nostdinc", "-isystem", resources + "/include", "-isystem", libc, "-idirafter", "/usr/include"));
        return flags;
    }
}
