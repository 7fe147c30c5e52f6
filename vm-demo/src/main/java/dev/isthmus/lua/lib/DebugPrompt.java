package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code debug.debug()}: reads lines from standard input and runs each as a chunk until a line
 * {@code cont} or the end of input, reporting errors on standard error, as Lua 5.1's
 * {@code db_debug} does.
 */
final class DebugPrompt {
    private DebugPrompt() {
    }

    static Object[] run(LuaRuntime runtime, InputStream in) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        while (true) {
            runtime.err().print("lua_debug> ");
            runtime.err().flush();
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null || line.equals("cont")) {
                return LuaFunction.NONE;
            }
            try {
                runtime.load((line + "\n").getBytes(StandardCharsets.ISO_8859_1), "(debug command)").call(LuaFunction.NONE);
            } catch (LuaError e) {
                runtime.err().println(ValueText.plain(e.value()));
                runtime.err().flush();
            }
        }
    }
}
