package dev.isthmus.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON of {@code cdecl} checked by {@code cc}: a C program built from the JSON alone
 * prints {@code sizeof}, {@code _Alignof} and every named field's {@code offsetof} for each
 * entry, which proves the {@code name}s compile inside {@code sizeof} and the numbers are right.
 */
class CdeclJsonOracleTest {
    @TempDir
    Path dir;

    @Test
    void jsonNamesAndNumbers_compileAndMatchCc() throws Exception {
        Path header = dir.resolve("types.h");
        Files.writeString(header, CdeclCommandTest.DECLARATIONS.replace("struct opaque;", "")
                + "#include <time.h>\n#include <sys/stat.h>\n");
        CdeclCommandTest.Run r = CdeclCommandTest.run("", "cdecl", "--json", "--preprocess", header.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode types = new ObjectMapper().readTree(r.out()).get("types");
        StringBuilder program = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include \"types.h\"\nint main(void) {\n");
        List<String> expected = new ArrayList<>();
        for (JsonNode type : types) {
            String name = type.get("name").asText();
            if (!type.get("complete").asBoolean() || type.get("kind").asText().equals("enum")) {
                continue;
            }
            program.append("  printf(\"%zu %zu\\n\", sizeof(").append(name).append("), _Alignof(").append(name).append("));\n");
            expected.add(type.get("size").asLong() + " " + type.get("align").asLong());
            for (JsonNode field : type.get("fields")) {
                if (!field.get("name").isNull() && !field.has("bitWidth")) {
                    program.append("  printf(\"%zu\\n\", offsetof(").append(name).append(", ")
                            .append(field.get("name").asText()).append("));\n");
                    expected.add(field.get("offset").asText());
                }
            }
        }
        program.append("  return 0;\n}\n");
        assertTrue(expected.size() > 20, "expected many structs from time.h and sys/stat.h");
        assertEquals(expected, runProgram(program.toString()));
    }

    /**
     * Each member's {@code type}, typedef names included ({@code __dev_t}, {@code uInt}), names
     * the member's own type ({@code __builtin_types_compatible_p} at compile time), and each
     * bitfield's {@code bitOffset} is the first bit {@code cc} sets when the field is all ones.
     */
    @Test
    void memberTypesAsWritten_andBitPositions_matchCc() throws Exception {
        Path header = dir.resolve("types.h");
        Files.writeString(header, CdeclCommandTest.DECLARATIONS.replace("struct opaque;", "")
                + "#include <sys/stat.h>\n#include <zlib.h>\n"
                + "struct flags { char c; unsigned a : 3; int b : 9; unsigned long long w : 40; uInt z : 5; };\n");
        CdeclCommandTest.Run r = CdeclCommandTest.run("", "cdecl", "--json", "--preprocess", header.toString());
        assertEquals(0, r.status(), r.err());
        StringBuilder program = new StringBuilder("#include <stdio.h>\n#include <string.h>\n#include \"types.h\"\n"
                + "static int first_bit(const unsigned char *p, size_t n) {\n"
                + "  for (size_t i = 0; i < n * 8; i++) if (p[i / 8] >> (i % 8) & 1) return (int) i;\n  return -1;\n}\n"
                + "int main(void) {\n");
        List<String> expected = new ArrayList<>();
        int typedefSpellings = 0;
        for (JsonNode type : new ObjectMapper().readTree(r.out()).get("types")) {
            String name = type.get("name").asText();
            if (!type.get("complete").asBoolean() || type.get("kind").asText().equals("enum") || type.has("typedefOf")) {
                continue;
            }
            for (JsonNode field : type.get("fields")) {
                String member = field.get("name").isNull() ? null : field.get("name").asText();
                String memberType = field.get("type").asText();
                if (member == null) {
                    continue;
                }
                if (field.has("bitWidth")) {
                    program.append("  { ").append(name).append(" v; memset(&v, 0, sizeof v); v.").append(member)
                            .append(" = -1; printf(\"%d\\n\", first_bit((const unsigned char *) &v, sizeof v)); }\n");
                    expected.add(field.get("bitOffset").asText());
                } else if (!memberType.contains("{")) {
                    program.append("  _Static_assert(__builtin_types_compatible_p(__typeof__(((").append(name).append(" *) 0)->")
                            .append(member).append("), ").append(memberType).append("), \"").append(name).append('.')
                            .append(member).append("\");\n");
                    typedefSpellings += memberType.matches(".*\\b(__\\w+_t|uInt|uLong|Bytef|voidpf|alloc_func|free_func|z_const)\\b.*") ? 1 : 0;
                }
            }
        }
        program.append("  return 0;\n}\n");
        assertTrue(typedefSpellings > 10, "stat's and zlib's members are spelled with typedef names:\n" + program);
        assertEquals(expected, runProgram(program.toString()));
    }

    private List<String> runProgram(String program) throws Exception {
        Path source = dir.resolve("probe.c");
        Files.writeString(source, program);
        Path binary = dir.resolve("probe");
        Process cc = new ProcessBuilder("cc", "-o", binary.toString(), source.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String ccOutput = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cc.exitValue(), ccOutput);
        Process probe = new ProcessBuilder(binary.toString()).start();
        List<String> actual = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        return actual;
    }
}
