package dev.isthmus.lua.cli;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.LuajitOracle;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaError;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String name = script.getFileName().toString();
            boolean isIsthmusOnly = Files.readString(script, StandardCharsets.ISO_8859_1).startsWith("-- isthmus-only");
            String expected = isIsthmusOnly
                    ? Files.readString(EXAMPLES.resolve(name.replace(".lua", ".expected")), StandardCharsets.ISO_8859_1)
                    : LuajitOracle.run(EXAMPLES, name);
            assertEquals(expected, runInProcess(script, name));
        }));
    }

    /** Runs a script as {@code isthmus run} would, with its file name as the chunk name; output and errors as one text. */
    static String runInProcess(Path script, String chunkName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            runtime.load(Files.readAllBytes(script), chunkName).call(new Object[0]);
        } catch (LuaError e) {
            print.println("error: " + e.getMessage());
        }
        print.flush();
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
