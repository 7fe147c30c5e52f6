package dev.isthmus.ffi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Initializer lists for {@link Ffi#newCData}, checked byte for byte against what {@code cc}
 * stores for the same initializer in a static object (whose padding C zero-fills).
 */
class InitializerListTest {
    private static final String TYPES = """
            typedef struct { int a[2]; int b; } elided;
            typedef struct { char c; double d; short s[3]; } mixed;
            typedef union { int i; float f; } number;
            typedef int grid[2][3];
            typedef struct { int tag; union { int i; float f; }; int d; } tagged;
            typedef struct { char name[8]; int n; } named;
            typedef struct { unsigned a : 3; unsigned : 2; unsigned b : 4; int c; } bits;
            typedef struct { struct { short x, y; } p[2]; int z; } points;
            """;

    /** C initializer text, and the same initializer in Java, per case. */
    private record Case(String type, String c, Object... java) {
    }

    private static final List<Case> CASES = List.of(
            new Case("elided", "{1, 2, 3}", 1, 2, 3),
            new Case("elided", "{{1, 2}, 3}", List.of(1, 2), 3),
            new Case("elided", "{{1}, 3}", List.of(1), 3),
            new Case("mixed", "{'a', 2.5, {1}}", 97, 2.5, List.of(1)),
            new Case("mixed", "{'a', 2.5, 1, 2, 3}", 97, 2.5, 1, 2, 3),
            new Case("number", "{7}", 7),
            new Case("grid", "{1, 2, 3, 4}", 1, 2, 3, 4),
            new Case("grid", "{{1}, {4, 5}}", List.of(1), new Object[] {4, 5}),
            new Case("tagged", "{1, 2, 3}", 1, 2, 3),
            new Case("tagged", "{1, {2}, 3}", 1, List.of(2), 3),
            new Case("named", "{\"abc\", 5}", "abc", 5),
            new Case("named", "{\"abcdefgh\", 5}", "abcdefgh", 5),
            new Case("named", "{{'x', 'y'}, 5}", List.of(120, 121), 5),
            new Case("bits", "{5, 9, -1}", 5, 9, -1),
            new Case("bits", "{13, 17}", 13, 17),
            new Case("points", "{1, 2, 3, 4, 5}", 1, 2, 3, 4, 5),
            new Case("points", "{{{1, 2}, {3, 4}}, 5}", List.of(List.of(1, 2), List.of(3, 4)), 5),
            new Case("points", "{{1, 2, 3}, 5}", List.of(1, 2, 3), 5));

    private static Ffi ffi;
    private static List<String> expectedBytes;

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        ffi = Ffi.create();
        ffi.cdef(TYPES);
        expectedBytes = ccBytes();
    }

    @Test
    void newCData_initializerLists_storeWhatCcStores() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            CData data = ffi.newCData(c.type(), c.java());
            String actual = HexFormat.of().formatHex(data.segment().toArray(ValueLayout.JAVA_BYTE));
            if (!actual.equals(expectedBytes.get(i))) {
                mismatches.put(c.type() + " = " + c.c(), "cc " + expectedBytes.get(i) + ", ours " + actual);
            }
        }
        assertEquals(Map.of(), mismatches);
    }

    @Test
    void newCData_leftoverValues_areAnError() {
        assertThrows(IllegalArgumentException.class, () -> ffi.newCData("elided", 1, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> ffi.newCData("number", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ffi.newCData("elided", List.of(1, 2, 3), 4));
        assertThrows(IllegalArgumentException.class, () -> ffi.newCData("named", "too long a name", 1));
    }

    @Test
    void newCData_aCDataForAnAggregateMember_isCopied() {
        CData inner = ffi.newCData("int[2]", 8, 9);
        CData outer = ffi.newCData("elided", inner, 10);
        assertEquals(9, outer.get("a[1]"));
        assertEquals(10, outer.get("b"));
    }

    /** The bytes of each case's static object as cc initializes it, in hex. */
    private static List<String> ccBytes() throws IOException, InterruptedException {
        StringBuilder program = new StringBuilder("#include <stdio.h>\n").append(TYPES);
        for (int i = 0; i < CASES.size(); i++) {
            program.append("static ").append(CASES.get(i).type()).append(" v").append(i)
                    .append(" = ").append(CASES.get(i).c()).append(";\n");
        }
        program.append("static void dump(const void *p, size_t n) { const unsigned char *b = p;"
                + " for (size_t i = 0; i < n; i++) printf(\"%02x\", b[i]); printf(\"\\n\"); }\n");
        program.append("int main(void) {\n");
        for (int i = 0; i < CASES.size(); i++) {
            program.append("  dump(&v").append(i).append(", sizeof v").append(i).append(");\n");
        }
        program.append("  return 0;\n}\n");
        Path dir = Files.createTempDirectory("isthmus-init");
        try {
            Path source = dir.resolve("init.c");
            Path binary = dir.resolve("init");
            Files.writeString(source, program);
            run(List.of("cc", "-w", "-o", binary.toString(), source.toString()));
            return List.of(run(List.of(binary.toString())).strip().split("\n"));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
