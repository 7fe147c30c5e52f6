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
        assertEquals(expected, actual);
    }
}
