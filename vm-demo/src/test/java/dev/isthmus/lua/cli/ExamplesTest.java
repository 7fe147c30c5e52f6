package dev.isthmus.lua.cli;

import dev.isthmus.lua.LuajitOracle;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every script in {@code examples/} prints exactly what LuaJIT prints for it. A script that
 * uses what only Isthmus has (its first line says {@code -- isthmus-only}) is checked
 * against the {@code .expected} file beside it instead.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("isthmus.examples", "../examples"));

    @TestFactory
    Stream<DynamicTest> example_runOnIsthmus_printsWhatLuajitPrints() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no examples found in " + EXAMPLES.toAbsolutePath());
        return scripts.stream().flatMap(script -> Stream.of(ScriptRun.Jit.values()).map(jit -> DynamicTest.dynamicTest(script.getFileName() + " jit " + jit, () -> {
            String name = script.getFileName().toString();
            boolean isIsthmusOnly = Files.readString(script, StandardCharsets.ISO_8859_1).startsWith("-- isthmus-only");
            String expected = isIsthmusOnly
                    ? Files.readString(EXAMPLES.resolve(name.replace(".lua", ".expected")), StandardCharsets.ISO_8859_1)
                    : LuajitOracle.run(EXAMPLES, name);
            assertEquals(expected, ScriptRun.inProcess(script, name, jit));
        })));
    }
}
