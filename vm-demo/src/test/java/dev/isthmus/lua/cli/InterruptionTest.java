package dev.isthmus.lua.cli;

import dev.isthmus.lua.LuajitOracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Ctrl-C (SIGINT) while Lua code runs, in a real process: the code stops with luajit's
 * "interrupted!" error, the command line exits with status 1 and the prompt goes on, whether
 * the loop runs interpreted (-joff) or compiled (LuaJIT's compiled loops cannot be
 * interrupted; Isthmus's traces leave for the interpreter, which raises the error).
 */
class InterruptionTest {
    private static final String ENDLESS = "print('ready') io.stdout:flush() local i = 0 while true do i = i + 1 end";

    private record Outcome(int status, String stdout, String stderr) {
    }

    private static List<String> isthmusCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), LuaLauncher.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> luajitCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(LuajitOracle.executable()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the command, feeds it {@code before}, sends SIGINT once it printed "ready", then feeds {@code after}. */
    private static Outcome interrupt(List<String> command, String before, String after) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(before.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String line;
            while ((line = stdout.readLine()) != null && !line.endsWith("ready")) {
                seen.append(line).append('\n');
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            stdin.write(after.getBytes(StandardCharsets.UTF_8));
        }
        String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("still running after SIGINT: " + command);
        }
        return new Outcome(process.exitValue(), seen + rest, stderr);
    }

    @Test
    void commandLine_ctrlC_stopsTheChunkWithLuajitsError() throws Exception {
        Outcome isthmus = interrupt(isthmusCommand("-joff", "-e", ENDLESS), "", "");
        Outcome luajit = interrupt(luajitCommand("-joff", "-e", ENDLESS), "", "");
        assertEquals(luajit.status(), isthmus.status());
        assertEquals(1, isthmus.status());
        assertEquals(luajit.stderr().lines().findFirst().orElseThrow().replaceFirst("^\\S*luajit: ", "isthmus: "),
                isthmus.stderr().lines().findFirst().orElseThrow(), isthmus.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ENDLESS,
        "print('ready') io.stdout:flush() local s = 0 for i = 1, 1e300 do s = s + i end",
        "print('ready') io.stdout:flush() local s = 0 for j = 1, 1e9 do for i = 1, 1000 do s = s + i end end",
        "local ffi = require 'ffi' local a = ffi.new('double[64]') print('ready') io.stdout:flush()"
            + " while true do for i = 0, 63 do a[i] = a[i] + i end end"})
    void commandLine_ctrlC_stopsACompiledLoop(String script) throws Exception {
        Outcome isthmus = interrupt(isthmusCommand("-Ohotloop=1", "-e", script), "", "");
        assertEquals(1, isthmus.status(), isthmus.stderr());
        assertEquals("isthmus: (command line):1: interrupted!", isthmus.stderr().lines().findFirst().orElseThrow(), isthmus.stderr());
    }

    @Test
    void prompt_ctrlC_returnsToThePrompt() throws Exception {
        Outcome isthmus = interrupt(isthmusCommand("-joff", "-i"), ENDLESS + "\n", "print('after')\n");
        assertEquals(0, isthmus.status(), isthmus.stderr());
        assertTrue(isthmus.stdout().contains("stdin:1: interrupted!\n"), isthmus.stdout());
        assertTrue(isthmus.stdout().contains("> after\n"), isthmus.stdout());
    }
}
