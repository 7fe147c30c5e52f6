package dev.isthmus.codegen;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code isthmus cdecl}: the ABI layout of every named type in C declarations. */
@Command(name = "cdecl", mixinStandardHelpOptions = true,
        // One paragraph: picocli wraps it to the terminal's width, so it carries no line breaks of its own.
        description = "Prints the layout of every named struct, union and enum (and every typedef naming one) in C"
            + " declarations read from FILEs or standard input: size, alignment, each member's offset, bitfield"
            + " positions, holes and padding, the way pahole does; or, with --json, as JSON (docs/cdecl.md).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the layouts were printed", "1:the C text has errors (printed as file:line:col: error: ...)",
            "2:wrong command line", "3:an input could not be read or preprocessed", "4:the output could not be written",
            "70:a bug in isthmus (--debug shows its stack trace)"})
final class CdeclCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "C declarations or headers; none or '-' reads standard input.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of pahole-style text.")
    private boolean json;

    @Option(names = "--abi", paramLabel = "ABI", description = "sysv-x86_64 (or sysv-x64), aarch64 (or aapcs64) or win64 (default: this machine's).")
    private String abiName;

    @Option(names = "--preprocess", description = "Run cc -E over the inputs first (for headers with #include and macros).")
    private boolean preprocess;

    @Option(names = "-I", paramLabel = "DIR", description = "Include directory for --preprocess (repeatable).")
    private List<String> includeDirectories = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Macro definition for --preprocess (repeatable).")
    private List<String> definitions = new ArrayList<>();

    @Option(names = "--only", paramLabel = "REGEX", description = "Report only types whose name contains a match of REGEX.")
    private String only;

    @Option(names = "--only-from", paramLabel = "FILE", description = "Report only types declared in FILE (a path, or a"
            + " file name such as zlib.h), not in the headers it includes; with --preprocess, cc's line markers say where.")
    private List<String> onlyFrom = new ArrayList<>();

    @Override
    public Integer call() {
        Abi abi = abi();
        Optional<Pattern> filter = filter();
        DeclaringFile declaringFile = new DeclaringFile(onlyFrom);
        CScope scope = CScope.create(abi);
        List<CDiagnostic> diagnostics = new ArrayList<>();
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        for (String input : inputs) {
            String text = read(input);
            String fileName = input.equals("-") ? "<stdin>" : input;
            if (!preprocess) {
                List<CDiagnostic> unexpanded = UnexpandedDirectives.find(text, fileName);
                if (!unexpanded.isEmpty()) {
                    diagnostics.addAll(unexpanded);
                    continue;
                }
            }
            try {
                scope.declare(text, fileName);
            } catch (CParseException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!diagnostics.isEmpty()) {
            diagnostics.forEach(err::println);
            err.flush();
            return ExitCode.PARSE.status();
        }
        List<LayoutEntry> entries = LayoutEntry.collect(scope, filter).stream().filter(declaringFile::matches).toList();
        String output;
        if (json) {
            output = new JsonLayoutWriter(abi).write(entries);
        } else {
            PaholeFormatter formatter = new PaholeFormatter(abi);
            StringBuilder text = new StringBuilder();
            for (LayoutEntry entry : entries) {
                text.append(text.isEmpty() ? "" : "\n").append(formatter.format(entry));
            }
            output = text.toString();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output);
        out.flush();
        if (out.checkError()) {
            throw new CliFailure(ExitCode.OUTPUT, "cannot write the output");
        }
        return ExitCode.OK.status();
    }

    private Abi abi() {
        if (abiName == null) {
            return Abi.host();
        }
        return Abi.byName(abiName).orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
                "unknown ABI '" + abiName + "'; use one of " + Abi.all().stream().map(Abi::name).toList()));
    }

    private Optional<Pattern> filter() {
        if (only == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(only));
        } catch (PatternSyntaxException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--only: not a regular expression: " + e.getDescription() + " in '" + only + "'");
        }
    }

    private String read(String input) {
        boolean isStdin = input.equals("-");
        if (preprocess) {
            return new Preprocessor(includeDirectories, definitions).run(isStdin ? null : Path.of(input),
                    isStdin ? readStandardInput() : null, spec.commandLine().getErr());
        }
        if (isStdin) {
            return readStandardInput();
        }
        try {
            return Files.readString(Path.of(input), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.INPUT, "cannot read '" + input + "': no such file");
        } catch (IOException e) {
            throw new CliFailure(ExitCode.INPUT, "cannot read '" + input + "': " + e.getMessage(), e);
        }
    }

    private String readStandardInput() {
        try {
            InputStream in = IsthmusCli.standardInput();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.INPUT, "cannot read standard input: " + e.getMessage(), e);
        }
    }
}
