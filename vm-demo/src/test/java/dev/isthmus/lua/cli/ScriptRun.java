package dev.isthmus.lua.cli;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a script in a fresh Lua state in this JVM, for comparison with what luajit prints. */
public final class ScriptRun {
    private ScriptRun() {
    }

    /** Runs a script with {@code chunkName} as its chunk name; its output and any uncaught error message as one text. */
    public static String inProcess(Path script, String chunkName) throws IOException {
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
