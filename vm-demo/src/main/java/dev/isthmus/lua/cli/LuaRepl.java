package dev.isthmus.lua.cli;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code isthmus repl}: an interactive Lua prompt with line editing and history (JLine). */
public final class LuaRepl {
    private LuaRepl() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(LuaMainThread.run(LuaRepl::run));
    }

    private static int run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            PrintStream out = new PrintStream(terminal.output(), true, java.nio.charset.StandardCharsets.UTF_8);
            LuaRuntime runtime = Lua.newState(System.in, out, out);
            ReplSession session = new ReplSession(runtime, out);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".isthmus_history"))
                    .build();
            out.println("Isthmus Lua (Lua 5.1 with LuaJIT's ffi, bit and jit libraries); Ctrl-D exits");
            while (true) {
                String line;
                try {
                    line = reader.readLine(session.isContinuing() ? ">> " : "> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                try {
                    session.feed(line);
                } catch (dev.isthmus.lua.runtime.LuaExit e) {
                    return e.status();
                }
            }
        } catch (IOException e) {
            System.err.println("isthmus: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }
}
