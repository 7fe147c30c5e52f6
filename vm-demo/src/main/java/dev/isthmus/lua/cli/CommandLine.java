package dev.isthmus.lua.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code isthmus run}'s arguments read as luajit reads its own (luajit.c's {@code collectargs}):
 * every option is checked before anything runs, then {@code -e}, {@code -l} and the JIT
 * options run in their order, then the script, then the prompt when {@code -i} asks for it.
 * Before them all, unless {@code -E}, the {@code LUA_INIT} variable's code (or file, after {@code @}).
 *
 * @param actions the {@code -e}, {@code -l}, {@code -j} and {@code -O} options, in order
 * @param scriptIndex the index of the script in the arguments ({@code -} for standard input),
 *        or the argument count when there is none
 * @param listing {@code -bl}: list this script's bytecode instead of running anything
 * @param interactive {@code -i}: the prompt after the script
 * @param version {@code -v} (also implied by {@code -i}): print the version first
 * @param help {@code -h} or {@code --help}: print the usage and stop
 * @param ignoresEnvironment {@code -E}: neither run {@code LUA_INIT} nor read {@code LUA_PATH} and
 *        {@code LUA_CPATH}
 */
record CommandLine(List<Action> actions, int scriptIndex, String listing, boolean interactive, boolean version,
                   boolean help, boolean ignoresEnvironment) {

    /** An option that runs before the script. */
    record Action(char kind, String argument) {
    }

    /** A command line luajit would refuse; the message is luajit's. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    static CommandLine parse(String[] args) throws UsageError {
        List<Action> actions = new ArrayList<>();
        boolean interactive = false;
        boolean version = false;
        boolean ignoresEnvironment = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-") && !args[i].equals("-"); i++) {
            String arg = args[i];
            switch (arg) {
                case "--" -> {
                    return new CommandLine(actions, i + 1, null, interactive, version, false, ignoresEnvironment);
                }
                case "-h", "--help" -> {
                    return new CommandLine(actions, args.length, null, false, false, true, false);
                }
                case "-i" -> {
                    interactive = true;
                    version = true;
                }
                case "-v" -> version = true;
                case "-E" -> ignoresEnvironment = true;
                case "-e", "-l", "-bl" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageError("'" + arg + "' needs argument");
                    }
                    if (arg.equals("-bl")) {
                        return new CommandLine(actions, args.length, args[i + 1], false, false, false, ignoresEnvironment);
                    }
                    actions.add(new Action(arg.charAt(1), args[++i]));
                }
                default -> {
                    if (arg.startsWith("-j") && arg.length() > 2) {
                        actions.add(new Action('j', arg.substring(2)));
                    } else if (arg.startsWith("-O")) {
                        actions.add(new Action('O', arg.substring(2)));
                    } else if (arg.startsWith("-b")) {
                        // luajit -b runs its bytecode saver (jit.bcsave) over the rest of the line.
                        throw new UsageError("'" + arg + "' saves LuaJIT bytecode, which this VM neither writes nor loads:"
                                + " it compiles Lua source to bytecode of its own (-bl lists it; string.dump saves a function"
                                + " in this VM's format)");
                    } else {
                        throw new UsageError("unrecognized option '" + arg + "'");
                    }
                }
            }
        }
        return new CommandLine(actions, i, null, interactive, version, false, ignoresEnvironment);
    }

    /** Whether a script (or {@code -}) was named. */
    boolean hasScript(String[] args) {
        return scriptIndex < args.length;
    }

    /** Whether an {@code -e} option was given: luajit then neither reads standard input nor prompts. */
    boolean executes() {
        return actions.stream().anyMatch(a -> a.kind() == 'e');
    }
}
