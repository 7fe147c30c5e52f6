package dev.isthmus.lua.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code isthmus run}'s command line: options, {@code arg}, exit statuses and error output. */
class LuaLauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return LuaLauncher.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_scriptWithArguments_seesArgAndVarargs(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("args.lua");
        Files.writeString(script, "print(#arg, arg[0] ~= nil, arg[1], arg[2], select('#', ...), ...)");
        assertEquals(0, run("", script.toString(), "a", "b"));
        assertEquals("2\ttrue\ta\tb\t2\ta\tb\n", out());
    }

    @Test
    void run_executeOptionAndLibraryOption_runInOrder() {
        assertEquals(0, run("", "-l", "ffi", "-e", "print(type(require('ffi').new))"));
        assertEquals("function\n", out());
    }

    @Test
    void run_uncaughtError_printsMessageAndTracebackAndExitsWithOne() {
        assertEquals(1, run("", "-e", "local t = nil; print(t.x)"));
        assertTrue(err().startsWith("isthmus: (command line):1: attempt to index local 't' (a nil value)\nstack traceback:\n"), err());
    }

    @Test
    void run_errorObjects_reportedAsLuajitReportsThem() {
        assertEquals(1, run("", "-e", "error({})"));
        assertEquals("isthmus: (error object is not a string)\n", err());
        err.reset();
        assertEquals(1, run("", "-e", "error(nil)"));
        assertEquals("", err());
        assertEquals(1, run("", "-e", "error(setmetatable({}, {__tostring = function() return 'TS' end}))"));
        assertTrue(err().startsWith("isthmus: TS\nstack traceback:\n"), err());
        err.reset();
        assertEquals(1, run("", "-e", "error(setmetatable({}, {__tostring = function() error('again') end}))"));
        assertEquals("isthmus: error in error handling\n", err());
    }

    @Test
    void run_syntaxError_printsLuaStyleMessageAndNoTraceback() {
        // As luajit: code that never ran has no stack to trace.
        assertEquals(1, run("", "-e", "x = = 1"));
        assertEquals("isthmus: (command line):1: unexpected symbol near '='\n", err());
    }

    @Test
    void run_standardInput_runsTheScriptFromIt() {
        assertEquals(0, run("print(1 + 1)", "-"));
        assertEquals("2\n", out());
    }

    @Test
    void run_missingScript_saysItCannotOpenIt() {
        assertEquals(1, run("", "no-such-script.lua"));
        assertEquals("isthmus: cannot open no-such-script.lua\n", err());
    }

    @Test
    void run_osExit_exitsWithItsStatus() {
        assertEquals(3, run("", "-e", "print('bye') os.exit(3)"));
        assertEquals("bye\n", out());
    }
}
