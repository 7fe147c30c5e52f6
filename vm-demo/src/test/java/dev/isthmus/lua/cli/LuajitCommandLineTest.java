package dev.isthmus.lua.cli;

import dev.isthmus.lua.LuajitOracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code isthmus run}'s options against luajit's own: the same arguments and standard input
 * (never a terminal here) give the same output and exit status. The version banner and
 * luajit's {@code JIT:} status line name each program and are left out of the comparison.
 */
class LuajitCommandLineTest {
    private record Outcome(int status, String output) {
    }

    /** The environment both programs run with: none of luajit's variables unless a test sets them. */
    private static final Map<String, String> NO_LUA_VARIABLES = Map.of();

    private static Outcome isthmus(String stdin, String... args) {
        return isthmus(NO_LUA_VARIABLES, stdin, args);
    }

    private static Outcome isthmus(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = LuaLauncher.run(args, environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stream,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Outcome(status, withoutBanner(out.toString(StandardCharsets.UTF_8), "Isthmus "));
    }

    private static Outcome luajit(Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LuajitOracle.executable()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeAll(List.of("LUA_INIT", "LUA_PATH", "LUA_CPATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // luajit may have finished without reading its input (-e, -v): the pipe is closed.
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("luajit did not finish");
        }
        return new Outcome(process.exitValue(), withoutBanner(output, "LuaJIT "));
    }

    private static String withoutBanner(String output, String banner) {
        return output.lines().filter(line -> !line.startsWith(banner) && !line.startsWith("JIT: "))
                .collect(Collectors.joining("\n"));
    }

    private static void assertSameAsLuajit(String stdin, String... args) throws IOException, InterruptedException {
        assertSameAsLuajit(NO_LUA_VARIABLES, stdin, args);
    }

    private static void assertSameAsLuajit(Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        assertEquals(luajit(environment, stdin, args), isthmus(environment, stdin, args), environment + " " + String.join(" ", args));
    }

    @Test
    void noScript_stdinNotATerminal_runsStdin() throws Exception {
        assertSameAsLuajit("print(4)");
        assertEquals("4", isthmus("print(4)").output());
    }

    @Test
    void dashAndDoubleDash_runStdinWithArguments() throws Exception {
        assertSameAsLuajit("print(...)", "-", "a", "b");
        assertSameAsLuajit("print(7)", "--");
        assertSameAsLuajit("print(8)", "-e", "print(1)", "-");
    }

    @Test
    void executeOrVersion_doNotReadStdin() throws Exception {
        assertSameAsLuajit("print(3)", "-e", "print(1)");
        assertSameAsLuajit("print(2)", "-v");
        assertTrue(isthmus("", "-v").status() == 0);
    }

    @Test
    void interactive_promptsAfterTheScript_andPrintsOnlyExpressions() throws Exception {
        assertSameAsLuajit("print(5)\n", "-i", "-e", "print(1)");
        // A call statement prints what it writes, not its results.
        assertSameAsLuajit("io.write('abc')\nx = 3\n=x + 1\nfor i = 1, 2 do\nprint(i)\nend\n", "-i");
    }

    @Test
    void missingArgumentAndUnknownOption_areUsageErrors() throws Exception {
        assertSameAsLuajit("", "-e");
        assertSameAsLuajit("", "-l");
        assertSameAsLuajit("", "-Q");
        assertEquals(1, isthmus("", "-e").status());
    }

    @Test
    void luaInit_runsFirst_andDashCapitalE_ignoresItAndTheSearchPaths(@TempDir Path dir) throws Exception {
        Map<String, String> variables = Map.of("LUA_INIT", "print('init', 1 + 1)", "LUA_PATH", "/from/env/?.lua;;",
                "LUA_CPATH", "/from/env/?.so");
        String paths = "print(package.path:find('/from/env/', 1, true) ~= nil, package.cpath:find('/from/env/', 1, true) ~= nil)";
        assertSameAsLuajit(variables, "", "-e", paths);
        assertSameAsLuajit(variables, "", "-E", "-e", paths);
        assertSameAsLuajit(variables, "print('stdin')", "-E");
        Path init = Files.writeString(dir.resolve("init.lua"), "print('from a file', ...)\n");
        assertSameAsLuajit(Map.of("LUA_INIT", "@" + init), "", "-e", "print(2)");
        assertSameAsLuajit(Map.of("LUA_INIT", "@" + init), "", "-E", "-e", "print(2)");
        // An error in LUA_INIT stops everything, with status 1.
        assertSameAsLuajit(Map.of("LUA_INIT", "error('boom')"), "", "-e", "print(3)");
        assertSameAsLuajit(Map.of("LUA_INIT", "@" + dir.resolve("missing.lua")), "", "-e", "print(3)");
    }

    @Test
    void bytecodeSaving_isAnErrorThatSaysWhy() {
        // luajit -b writes LuaJIT bytecode (jit.bcsave); this VM's bytecode is its own.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LuaLauncher.run(new String[] {"-b", "in.lua", "out.raw"}, NO_LUA_VARIABLES, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("isthmus: '-b' saves LuaJIT bytecode, which this VM neither writes nor loads"), message);
        assertEquals(1, isthmus("", "-bs", "x.lua").status());
    }

    @Test
    void help_printsTheUsage() {
        // luajit has no --help (it prints its usage as an error); isthmus run prints it and succeeds.
        Outcome help = isthmus("", "--help");
        assertEquals(0, help.status());
        assertTrue(help.output().startsWith("usage: isthmus run [options] [script [args]]"), help.output());
    }
}
