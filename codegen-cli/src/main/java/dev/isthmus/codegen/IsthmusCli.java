package dev.isthmus.codegen;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * The {@code isthmus} command line (the launcher script calls this class for {@code cdecl} and {@code bind}).
 * Failures print one line, {@code isthmus: ...}, and exit with a status per failure class
 * ({@link ExitCode}); a stack trace only with {@code --debug}.
 */
@Command(name = "isthmus", mixinStandardHelpOptions = true,
        description = "LuaJIT-style FFI for the JVM: tools for C declarations.",
        subcommands = {CdeclCommand.class, BindCommand.class})
public final class IsthmusCli implements Runnable {
    private static InputStream standardInput = System.in;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of failures.")
    private boolean debug;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed (try: isthmus cdecl --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in));
    }

    /** Runs the command line with the given streams and returns the exit status; for tests and embedding. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        standardInput = in;
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine commandLine = new CommandLine(new IsthmusCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // One version for the tool and each command (isthmus cdecl -V): the project's.
        CommandLine.IVersionProvider version = () -> new String[] {"isthmus " + ToolVersion.number()};
        commandLine.getCommandSpec().versionProvider(version);
        commandLine.getSubcommands().values().forEach(command -> command.getCommandSpec().versionProvider(version));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof CliFailure failure) {
                cmd.getErr().println("isthmus: " + failure.getMessage());
                if (debug) {
                    failure.printStackTrace(cmd.getErr());
                }
                cmd.getErr().flush();
                return failure.exitCode().status();
            }
            cmd.getErr().println("isthmus: internal error: " + exception);
            if (debug) {
                exception.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("isthmus: run again with --debug for the stack trace, and please report it");
            }
            cmd.getErr().flush();
            return ExitCode.INTERNAL.status();
        });
        return commandLine.execute(args);
    }

    static InputStream standardInput() {
        return standardInput;
    }
}
