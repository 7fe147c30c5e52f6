package dev.isthmus.lua.runtime;

import dev.isthmus.lua.LuajitOracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both ways a coroutine gets its own stack: this JVM runs them on JDK continuations (the
 * build exports jdk.internal.vm, as the launcher does); a JVM of its own, forced onto
 * virtual threads, must print for the coroutine and callback scripts what luajit prints.
 */
class CoroutineCarrierTest {
    @Test
    void thisJvm_usesContinuations() {
        assertEquals("continuations", Coroutine.carrierKind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutines.lua", "ffi_callbacks.lua"})
    void threadCarrier_runsTheScriptAsLuajitDoes(String script) throws IOException, InterruptedException, URISyntaxException {
        Path dir = Path.of(CoroutineCarrierTest.class.getResource("/differential").toURI());
        String expected = LuajitOracle.run(dir, script);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Disthmus.coroutines=threads", "-cp", System.getProperty("java.class.path"),
                "dev.isthmus.lua.cli.LuaLauncher", script))
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ISTHMUS_TEST_LIB", LuajitOracle.testLibrary());
        Process process = pb.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the Lua JVM did not finish");
        assertEquals(expected, output);
    }
}
