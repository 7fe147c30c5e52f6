package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.oracle.CompilerOracle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Isthmus's freestanding headers, read for every ABI other than the host's, describe that
 * ABI as its compiler does with {@code -ffreestanding} ({@code clang -target ...}): the
 * layout of a record made of their types, and the values of their limits, which the
 * compiler checks itself ({@code _Static_assert} of each value this preprocessor and
 * parser computed).
 */
class FreestandingHeadersTest {
    private static final String HEADER = """
            #include <stdint.h>
            #include <stddef.h>
            #include <stdbool.h>
            #include <stdarg.h>
            #include <limits.h>
            struct fs_all {
                int8_t i8; uint8_t u8; int16_t i16; int32_t i32; int64_t i64; uint64_t u64;
                int_least16_t l16; int_fast16_t f16; int_fast32_t f32; uint_fast64_t uf64;
                intptr_t ip; uintptr_t up; intmax_t im; size_t size; ptrdiff_t diff; wchar_t wide;
                bool flag; long plain_long; va_list args;
            };
            """;

    private static final List<String> MEMBERS = List.of("i8", "u8", "i16", "i32", "i64", "u64", "l16", "f16", "f32", "uf64",
            "ip", "up", "im", "size", "diff", "wide", "flag", "plain_long", "args");

    private static final List<String> LIMITS = List.of("INT8_MIN", "INT64_MAX", "INT64_MIN", "UINT64_MAX", "UINT32_MAX",
            "INT_FAST16_MAX", "INT_FAST32_MIN", "INTPTR_MAX", "UINTPTR_MAX", "SIZE_MAX", "PTRDIFF_MIN", "INTMAX_MAX",
            "CHAR_BIT", "CHAR_MIN", "CHAR_MAX", "UCHAR_MAX", "SHRT_MIN", "USHRT_MAX", "INT_MIN", "UINT_MAX", "LONG_MAX",
            "LONG_MIN", "ULONG_MAX", "LLONG_MIN", "ULLONG_MAX");

    @Test
    void otherAbis_readTheirOwnTypesAndLimits() throws Exception {
        for (Abi abi : Abi.all()) {
            if (abi.name().equals(Abi.host().name())) {
                continue;
            }
            PreprocessorOptions options = new PreprocessorOptions(abi, List.of(),
                    FreestandingHeaders.systemDirectoriesFor(abi, SystemIncludes.host()), List.of(), List.of(), true);
            StringBuilder program = new StringBuilder(HEADER);
            LIMITS.forEach(l -> program.append("static const long long probe_").append(l).append(" = ").append(l).append(";\n"));
            CScope scope = CScope.create(abi);
            String text = CPreprocessor.create(options).preprocessAndDeclare(program.toString(), "fs.h", scope).text();
            assertTrue(!text.contains("x86_64-linux-gnu"), abi.name() + ": read the host's C library:\n" + text);

            StructLayout layout = abi.layoutOf(scope.struct("fs_all").orElseThrow());
            CompilerOracle.Measurement m = CompilerOracle.forAbi(abi).withFlags(List.of("-ffreestanding"))
                    .measure(HEADER, List.of(new CompilerOracle.Probe("struct fs_all", MEMBERS, List.of()))).getFirst();
            List<Long> offsets = new ArrayList<>();
            for (String member : MEMBERS) {
                offsets.add(layout.fields().stream().filter(f -> f.name().orElse("").equals(member)).findFirst()
                        .map(FieldLayout::byteOffset).orElseThrow());
            }
            assertEquals(m.byteSize() + "/" + m.byteAlignment() + " " + m.offsets(),
                    layout.byteSize() + "/" + layout.byteAlignment() + " " + offsets, abi.name() + ": struct fs_all");

            // The compiler checks each limit against the value computed here.
            StringBuilder asserts = new StringBuilder(HEADER);
            for (String limit : LIMITS) {
                ConstantValue.IntegerValue value = (ConstantValue.IntegerValue) scope.constant("probe_" + limit).orElseThrow().value();
                String literal = value.bits() < 0 ? "(" + value.bits() + "LL)" : value.bits() + "LL";
                if (value.bits() == Long.MIN_VALUE) {
                    literal = "(-9223372036854775807LL - 1)";
                }
                asserts.append("_Static_assert((long long) ").append(limit).append(" == ").append(literal).append(", \"")
                        .append(limit).append("\");\n");
            }
            Path source = Files.createTempFile("isthmus-fs", ".c");
            try {
                Files.writeString(source, asserts);
                List<String> command = new ArrayList<>(List.of("clang", "-target",
                        abi.name().equals("win64") ? "x86_64-pc-windows-msvc" : "aarch64-linux-gnu", "-ffreestanding",
                        "-fsyntax-only", source.toString()));
                Process clang = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(clang.waitFor(60, TimeUnit.SECONDS) && clang.exitValue() == 0, abi.name() + ": " + output);
            } finally {
                Files.delete(source);
            }
        }
    }
}
