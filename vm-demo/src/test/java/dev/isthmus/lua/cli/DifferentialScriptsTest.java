package dev.isthmus.lua.cli;

import dev.isthmus.lua.LuajitOracle;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Broad scripts over the language, the libraries and the ffi (against libc and
 * native-test-libs), each printing many results: the whole output must equal luajit's.
 */
class DifferentialScriptsTest {
    @TestFactory
    Stream<DynamicTest> script_onIsthmus_printsWhatLuajitPrints() throws IOException, URISyntaxException {
        Path dir = Path.of(DifferentialScriptsTest.class.getResource("/differential").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        return scripts.stream().flatMap(script -> Stream.of(ScriptRun.Jit.values()).map(jit -> DynamicTest.dynamicTest(script.getFileName() + " jit " + jit, () -> {
            String name = script.getFileName().toString();
            assertEquals(LuajitOracle.run(dir, name), ScriptRun.inProcess(script, name, jit));
        })));
    }
}
