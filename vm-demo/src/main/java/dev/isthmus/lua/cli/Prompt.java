package dev.isthmus.lua.cli;

import dev.isthmus.lua.interp.LuaRuntime;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The interactive prompt ({@code isthmus repl}, {@code run -i}, {@code run} on a terminal):
 * line editing and history through JLine on a usable terminal; otherwise (standard input
 * redirected, or a terminal that reports no width, as under {@code script}) plain lines with
 * the prompts printed, as luajit does.
 */
final class Prompt {
    private Prompt() {
    }

    /** Whether {@code in} is the process's standard input and that is a terminal. */
    static boolean isTerminal(InputStream in) {
        return in == System.in && System.console() != null && System.console().isTerminal();
    }

    /** Runs the prompt until end of input or {@code os.exit}; returns the exit status. */
    static int run(LuaRuntime runtime, InputStream in, PrintStream out) {
        ReplSession session = new ReplSession(runtime, out);
        try {
            if (isTerminal(in)) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
                    if (terminal.getWidth() > 0 && !Terminal.TYPE_DUMB.equals(terminal.getType())) {
                        return edited(session, terminal);
                    }
                }
            }
            return plain(session, in, out);
        } catch (IOException e) {
            out.println("isthmus: cannot read the prompt's input: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            out.println("isthmus: cannot read the prompt's input: " + e.getCause().getMessage());
            return 1;
        } catch (dev.isthmus.lua.runtime.LuaExit e) {
            return e.status();
        }
    }

    private static int edited(ReplSession session, Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".isthmus_history"))
                .build();
        while (true) {
            String line;
            try {
                line = reader.readLine(session.isContinuing() ? ">> " : "> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            session.feed(line);
        }
    }

    private static int plain(ReplSession session, InputStream in, PrintStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            out.print(session.isContinuing() ? ">> " : "> ");
            out.flush();
            String line = reader.readLine();
            if (line == null) {
                out.println();
                return 0;
            }
            session.feed(line);
        }
    }
}
