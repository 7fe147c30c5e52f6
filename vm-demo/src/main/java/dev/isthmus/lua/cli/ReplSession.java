package dev.isthmus.lua.cli;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.lib.ValueText;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The interactive prompt's logic, independent of the terminal: lines accumulate until they
 * form a complete chunk (a syntax error at end of input means "more to come", as lua.c
 * decides), {@code =expr} and bare expressions print their values (statements, calls
 * included, print nothing, as at luajit's prompt), errors print as Lua
 * prints them and the session goes on.
 */
final class ReplSession {
    private final LuaRuntime runtime;
    private final PrintStream out;
    private final StringBuilder pending = new StringBuilder();

    ReplSession(LuaRuntime runtime, PrintStream out) {
        this.runtime = runtime;
        this.out = out;
    }

    /** Whether a statement is half entered, so the prompt should show the continuation prompt. */
    boolean isContinuing() {
        return !pending.isEmpty();
    }

    /** Feeds one line; runs the chunk once complete. */
    void feed(String line) {
        if (pending.isEmpty() && line.startsWith("=")) {
            line = "return " + line.substring(1);
        }
        if (!pending.isEmpty()) {
            pending.append('\n');
        }
        pending.append(line);
        String text = pending.toString();
        LuaFunction chunk;
        try {
            chunk = compile(text);
        } catch (LuaError e) {
            if (e.getMessage().endsWith("near '<eof>'")) {
                return;
            }
            pending.setLength(0);
            // As LuaJIT's prompt: the message alone for a syntax error.
            out.println(e.getMessage());
            return;
        }
        pending.setLength(0);
        try {
            LuaFunction typed = chunk;
            Object[] results = Interruption.during(runtime, () -> typed.call(LuaFunction.NONE));
            if (results.length > 0) {
                StringBuilder line2 = new StringBuilder();
                for (int i = 0; i < results.length; i++) {
                    if (i > 0) {
                        line2.append('\t');
                    }
                    line2.append(ValueText.toLuaString(runtime, results[i]).toString());
                }
                out.println(line2);
            }
        } catch (LuaError e) {
            // As LuaJIT's prompt: what luajit reports, without the program name.
            UncaughtError.lines(runtime, e).forEach(out::println);
        } catch (dev.isthmus.lua.runtime.LuaExit e) {
            throw e;
        } finally {
            out.flush();
        }
    }

    /**
     * The chunk for what was typed: statements as they are, so a call statement
     * ({@code io.write("abc")}) prints nothing, as at luajit's prompt; otherwise an expression,
     * whose values are printed. When it is neither, the statement's syntax error.
     */
    private LuaFunction compile(String text) {
        try {
            return runtime.load(text.getBytes(StandardCharsets.UTF_8), "stdin");
        } catch (LuaError asStatements) {
            try {
                // Not "return <text>": that would make a call the chunk's tail call, which loses
                // the position of errors raised by the called function. select(1, ...) keeps every value.
                return runtime.load(("return select(1, " + text + "\n)").getBytes(StandardCharsets.UTF_8), "stdin");
            } catch (LuaError asExpression) {
                throw asStatements;
            }
        }
    }
}
