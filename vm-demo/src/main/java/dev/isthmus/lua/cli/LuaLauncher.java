package dev.isthmus.lua.cli;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.jit.JitEngine;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code isthmus run}: the standalone interpreter's command line, as luajit's
 * ({@code luajit [options] [script [args]]}, {@link CommandLine}): {@code -e stmt}, {@code -l module},
 * LuaJIT's {@code -j} commands and {@code -O} options, {@code -i}, {@code -v}, a script ({@code -}
 * for standard input) with {@code arg} set as Lua sets it. With no script, {@code -e} or {@code -v}:
 * the prompt when standard input is a terminal, else standard input as the script. Errors print
 * as {@code isthmus: message} with exit status 1; Ctrl-C stops the running code with the error
 * "interrupted!" ({@link Interruption}).
 */
public final class LuaLauncher {
    private static final String PROGRAM = "isthmus";

    private LuaLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = StandardOutput.open();
        int status = LuaMainThread.run(() -> run(args, System.in, out, System.err));
        out.flush();
        // Returning ends the JVM as System.exit(0) would, but without the lookup of a logger
        // for Runtime.exit (the JDK's service loader scans the classpath: some milliseconds of a
        // short run). Only while no other thread would keep the JVM alive after main.
        if (status != 0 || otherThreadsKeepAlive()) {
            System.exit(status);
        }
    }

    /** Whether a live thread other than this one is not a daemon (a platform thread: virtual ones are daemons). */
    private static boolean otherThreadsKeepAlive() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i] != Thread.currentThread() && !threads[i].isDaemon() && threads[i].isAlive()) {
                return true;
            }
        }
        return count == threads.length;
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), in, out, err);
    }

    /** Runs the command line with {@code environment} as its LUA_INIT, LUA_PATH and LUA_CPATH; returns the exit status. */
    public static int run(String[] args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageError e) {
            err.println(PROGRAM + ": " + e.getMessage());
            printUsage(err);
            return 1;
        }
        if (line.help()) {
            printUsage(out);
            return 0;
        }
        Map<String, String> variables = line.ignoresEnvironment() ? Map.of() : environment;
        LuaRuntime runtime = Lua.newState(in, out, err, variables);
        try {
            if (line.listing() != null) {
                return listBytecode(runtime, line.listing(), out, err);
            }
            if (variables.get("LUA_INIT") != null) {
                runInit(runtime, variables.get("LUA_INIT"));
            }
            if (line.version()) {
                out.println(Version.banner());
            }
            for (CommandLine.Action action : line.actions()) {
                if (!perform(runtime, action, err)) {
                    return 1;
                }
            }
            if (line.hasScript(args)) {
                int status = runScript(runtime, args, line.scriptIndex(), in, err);
                if (status != 0) {
                    return status;
                }
            } else if (!line.executes() && !line.version()) {
                if (!Prompt.isTerminal(in)) {
                    return runScript(runtime, new String[] {"-"}, 0, in, err);
                }
                out.println(Version.banner());
                return Prompt.run(runtime, in, out);
            }
            if (line.interactive()) {
                return Prompt.run(runtime, in, out);
            }
            return 0;
        } catch (LuaError e) {
            report(runtime, err, e);
            return 1;
        } catch (dev.isthmus.lua.runtime.LuaExit e) {
            return e.status();
        } catch (RuntimeException | StackOverflowError e) {
            // Never a Java stack trace for the user: a failure outside any Lua frame is reported in one line.
            err.println(PROGRAM + ": " + e);
            return 1;
        } finally {
            out.flush();
        }
    }

    /** luajit's LUA_INIT: Lua code, or with {@code @} first, a file to run, before the options. */
    private static void runInit(LuaRuntime runtime, String init) {
        if (init.startsWith("@")) {
            Interruption.during(runtime, () -> runtime.semantics().call(runtime.globals().get(LuaString.of("dofile")),
                    new Object[] {LuaString.of(init.substring(1))}));
        } else {
            Interruption.during(runtime, () -> runtime.load(init.getBytes(StandardCharsets.UTF_8), "LUA_INIT").call(new Object[0]));
        }
    }

    /** Runs one {@code -e}, {@code -l}, {@code -j} or {@code -O} option; false (after the usage) when it is unknown. */
    private static boolean perform(LuaRuntime runtime, CommandLine.Action action, PrintStream err) {
        switch (action.kind()) {
            case 'e' -> Interruption.during(runtime,
                    () -> runtime.load(action.argument().getBytes(StandardCharsets.UTF_8), "(command line)").call(new Object[0]));
            case 'l' -> Interruption.during(runtime, () -> runtime.semantics().call(runtime.globals().get(LuaString.of("require")),
                    new Object[] {LuaString.of(action.argument())}));
            case 'j' -> {
                if (!jitCommand(runtime, action.argument())) {
                    return usage(err, "unknown JIT command '" + action.argument() + "'");
                }
            }
            case 'O' -> {
                for (String option : action.argument().split(",")) {
                    if (!option.isEmpty() && !JitEngine.of(runtime).setOption(option)) {
                        return usage(err, "unknown or malformed optimization flag '" + option + "'");
                    }
                }
            }
            default -> throw new IllegalArgumentException("no such option kind: " + action.kind());
        }
        return true;
    }

    /** LuaJIT's {@code -j} commands this VM has: {@code on}, {@code off}, {@code flush}, {@code v} (verbose), {@code dump}. */
    private static boolean jitCommand(LuaRuntime runtime, String command) {
        JitEngine jit = JitEngine.of(runtime);
        switch (command) {
            case "on" -> jit.setEnabled(true);
            case "off" -> jit.setEnabled(false);
            case "flush" -> jit.flush();
            case "v" -> jit.setVerbose(true);
            case "dump" -> jit.setDump(true);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** LuaJIT's bytecode listing option ({@code -bl}): the script's bytecode instead of running it. */
    private static int listBytecode(LuaRuntime runtime, String script, PrintStream out, PrintStream err) {
        try {
            out.print(dev.isthmus.lua.bytecode.Disassembler.listing(runtime.compile(Files.readAllBytes(Path.of(script)), script)));
            return 0;
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot open " + script);
            return 1;
        }
    }

    private static int runScript(LuaRuntime runtime, String[] args, int scriptIndex, InputStream in, PrintStream err) {
        String script = args[scriptIndex];
        LuaTable arg = new LuaTable();
        for (int k = 0; k < args.length; k++) {
            arg.put((double) (k - scriptIndex), LuaString.of(args[k]));
        }
        arg.put(-1.0 - scriptIndex, LuaString.of(PROGRAM));
        runtime.globals().put(LuaString.of("arg"), arg);
        byte[] source;
        String chunkName;
        try {
            if (script.equals("-")) {
                source = in.readAllBytes();
                chunkName = "stdin";
            } else {
                source = Files.readAllBytes(Path.of(script));
                chunkName = script;
            }
        } catch (NoSuchFileException e) {
            err.println(PROGRAM + ": cannot open " + script);
            return 1;
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot read " + script + ": " + e.getMessage());
            return 1;
        }
        // Errors and os.exit propagate to run(), which reports them.
        Object[] scriptArgs = Arrays.stream(args, scriptIndex + 1, args.length).map(LuaString::of).toArray();
        Interruption.during(runtime, () -> runtime.load(source, chunkName).call(scriptArgs));
        runtime.runPendingFinalizers();
        return 0;
    }

    /** Prints an uncaught error as luajit does, after the program name ({@link UncaughtError}). */
    static void report(LuaRuntime runtime, PrintStream err, LuaError e) {
        java.util.List<String> lines = UncaughtError.lines(runtime, e);
        if (!lines.isEmpty()) {
            err.println(PROGRAM + ": " + lines.getFirst());
            lines.subList(1, lines.size()).forEach(err::println);
        }
        err.flush();
    }

    private static boolean usage(PrintStream err, String problem) {
        err.println(PROGRAM + ": " + problem);
        printUsage(err);
        return false;
    }

    private static void printUsage(PrintStream stream) {
        stream.print("""
                usage: isthmus run [options] [script [args]]
                  -e stmt   execute string 'stmt'
                  -l name   require library 'name'
                  -bl file  list the bytecode of 'file' instead of running it
                  -j cmd    JIT control: -jon, -joff, -jflush, -jv (verbose), -jdump
                  -O[opt]   JIT options, as luajit's (-Ohotloop=N, -Omaxtrace=N, ...)
                  -i        enter the prompt after the script (also: isthmus repl)
                  -v        show the version
                  -E        ignore the environment: no LUA_INIT, default LUA_PATH and LUA_CPATH
                  -h        show this help
                  --        stop handling options
                  -         execute stdin and stop handling options
                with no script, -e or -v: the prompt when stdin is a terminal, else stdin as the script
                """);
        stream.flush();
    }
}
