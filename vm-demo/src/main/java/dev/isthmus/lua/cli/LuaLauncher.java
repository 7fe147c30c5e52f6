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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code isthmus run}: the standalone interpreter's command line ({@code lua [options] [script [args]]}):
 * {@code -e stmt}, {@code -l module}, LuaJIT's {@code -j} commands and {@code -O} options, a script ({@code -} for standard input) with {@code arg}
 * set as Lua sets it. Errors print as {@code isthmus: message} with exit status 1.
 */
public final class LuaLauncher {
    private static final String PROGRAM = "isthmus";

    private LuaLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = LuaMainThread.run(() -> run(args, System.in, System.out, System.err));
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        LuaRuntime runtime = Lua.newState(in, out, err);
        int i = 0;
        try {
            while (i < args.length && args[i].startsWith("-") && !args[i].equals("-")) {
                switch (args[i]) {
                    case "-e" -> {
                        if (i + 1 >= args.length) {
                            return usage(err, "'-e' needs argument");
                        }
                        runtime.load(args[++i].getBytes(java.nio.charset.StandardCharsets.UTF_8), "(command line)").call(new Object[0]);
                    }
                    case "-l" -> {
                        if (i + 1 >= args.length) {
                            return usage(err, "'-l' needs argument");
                        }
                        Object require = runtime.globals().get(LuaString.of("require"));
                        runtime.semantics().call(require, new Object[] {LuaString.of(args[++i])});
                    }
                    case "-bl" -> {
                        // LuaJIT's bytecode listing option: list the script's bytecode instead of running it.
                        if (i + 1 >= args.length) {
                            return usage(err, "'-bl' needs a script");
                        }
                        Path script = Path.of(args[i + 1]);
                        try {
                            out.print(dev.isthmus.lua.bytecode.Disassembler.listing(
                                    runtime.compile(Files.readAllBytes(script), args[i + 1])));
                            return 0;
                        } catch (IOException e) {
                            err.println(PROGRAM + ": cannot open " + args[i + 1]);
                            return 1;
                        }
                    }
                    case String jit when jit.startsWith("-j") && jit.length() > 2 -> {
                        if (!jitCommand(runtime, jit.substring(2))) {
                            return usage(err, "unknown JIT command '" + jit.substring(2) + "'");
                        }
                    }
                    case String opt when opt.startsWith("-O") -> {
                        for (String option : opt.substring(2).split(",")) {
                            if (!option.isEmpty() && !JitEngine.of(runtime).setOption(option)) {
                                return usage(err, "unknown or malformed optimization flag '" + option + "'");
                            }
                        }
                    }
                    case "--" -> {
                        i++;
                        return runScript(runtime, args, i, in, err);
                    }
                    default -> {
                        return usage(err, "unrecognized option '" + args[i] + "'");
                    }
                }
                i++;
            }
            if (i < args.length) {
                return runScript(runtime, args, i, in, err);
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

    private static int runScript(LuaRuntime runtime, String[] args, int scriptIndex, InputStream in, PrintStream err) {
        if (scriptIndex >= args.length) {
            return 0;
        }
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
        runtime.load(source, chunkName).call(scriptArgs);
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

    private static int usage(PrintStream err, String problem) {
        err.println(PROGRAM + ": " + problem);
        err.println("usage: isthmus run [options] [script [args]]");
        err.println("  -e stmt   execute string 'stmt'");
        err.println("  -l name   require library 'name'");
        err.println("  -bl file  list the bytecode of 'file' instead of running it");
        err.println("  --        stop handling options");
        err.println("  -         execute stdin and stop handling options");
        return 1;
    }
}
