package dev.isthmus.codegen;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cdecl's holes, bit holes, cache-line boundaries and summary against Debian's {@code pahole}
 * (package dwarves) reading the same structs from {@code cc -g}'s debug information: for each
 * struct, the members in order with every pahole comment between them and the summary lines
 * must be the same (cdecl's extra {@code align} line, and pahole's notes on bitfields sharing
 * a unit, are left out of the comparison).
 */
class PaholeOracleTest {
    private static final String STRUCTS = """
            struct plain { char c; double d; int i; };
            struct bits { char a; unsigned f : 3; unsigned g : 7; int x; unsigned h : 4; long long big; char tail; };
            struct wide { char c; long a[9]; int i; char d; double arr[6]; short s; };
            union either { int i; double d; };
            struct nested { char c; struct plain inner; union either v; struct { char x; int y; }; };
            struct zero_width { unsigned a : 3; unsigned : 0; unsigned b : 2; char c; };
            struct full_unit { unsigned a : 16; unsigned b : 16; };
            struct tail_bits { int x; unsigned a : 3; };
            struct exact_line { char c[64]; int i; };
            struct at_line { char c[60]; int i; long long l; };
            struct flexible { int n; char data[]; };
            struct straddle { char c[62]; short s; char d; int e; };
            struct far { char c; double a[20]; int z; };
            struct holds_bits { struct tail_bits t; char c; };
            struct __attribute__((packed)) tight { char c; int i; };
            struct mixed { short s; unsigned char k : 2; unsigned char m : 7; char after; long long l : 40; int n; };
            """;

    @TempDir
    Path dir;

    @Test
    void holesBitHolesCacheLinesAndSummaries_areWhatPaholePrints() throws Exception {
        Path pahole = onPath("pahole");
        if (pahole == null) {
            System.err.println("PaholeOracleTest SKIPPED: pahole is not installed (Debian package dwarves;"
                    + " `isthmus test` installs it when run as root)");
        }
        Assumptions.assumeTrue(pahole != null, "pahole (Debian package dwarves) is not installed");
        Path source = Files.writeString(dir.resolve("structs.c"), STRUCTS);
        Path object = dir.resolve("structs.o");
        run(List.of("cc", "-g", "-fno-eliminate-unused-debug-types", "-c", "-o", object.toString(), source.toString()));
        Map<String, List<String>> expected = outlines(run(List.of(pahole.toString(), object.toString())));

        CdeclCommandTest.Run ours = CdeclCommandTest.run("", "cdecl", "--abi", "sysv-x86_64", source.toString());
        assertEquals(0, ours.status(), ours.err());
        Map<String, List<String>> actual = outlines(ours.out());

        assertTrue(expected.size() >= 15, "pahole listed too few types:\n" + expected.keySet());
        for (Map.Entry<String, List<String>> type : expected.entrySet()) {
            List<String> outline = actual.get(type.getKey());
            assertTrue(outline != null, "cdecl did not print " + type.getKey() + ":\n" + ours.out());
            if (type.getKey().startsWith("union ")) {
                // pahole prints no summary for a union; cdecl does.
                outline = outline.stream().filter(line -> !line.startsWith("/*")).toList();
            }
            assertEquals(String.join("\n", type.getValue()), String.join("\n", outline), type.getKey());
        }
    }

    private static final Pattern HEAD = Pattern.compile("^((?:struct|union) \\w+) \\{$");
    private static final java.util.Set<String> TYPE_WORDS = java.util.Set.of("char", "short", "int", "long", "signed", "unsigned", "_Bool");
    private static final Pattern MEMBER_NAME = Pattern.compile("(\\w+)\\s*(?:\\[\\d*\\])?\\s*(?::\\s*\\d+)?;$");

    /**
     * Each top-level type's outline: member names (and closing {@code } name;} lines of
     * nested ones) and pahole's comments, in order, whitespace removed.
     */
    private static Map<String, List<String>> outlines(String text) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher head = HEAD.matcher(line);
            if (current == null) {
                if (head.matches()) {
                    current = new ArrayList<>();
                    types.put(head.group(1), current);
                }
                continue;
            }
            if (raw.startsWith("}")) {
                current = null;
                continue;
            }
            if (line.isEmpty() || line.endsWith("{")) {
                continue;
            }
            if (line.startsWith("/*")) {
                if (!line.startsWith("/* align:") && !line.startsWith("/* Bitfield combined")
                        && !line.startsWith("/* Force alignment")) {
                    current.add(line.replaceAll("\\s+", " "));
                }
                continue;
            }
            String declaration = line.contains("/*") ? line.substring(0, line.indexOf("/*")).strip() : line;
            Matcher name = MEMBER_NAME.matcher(declaration);
            // An unnamed bitfield ends in its type's last word: pahole lists none but :0.
            if (name.find() && !TYPE_WORDS.contains(name.group(1))) {
                current.add(name.group(1));
            }
        }
        return types;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command + ":\n" + out);
        return out;
    }

    private static Path onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
