package dev.isthmus.codegen;

import dev.isthmus.codegen.bind.BindOptions;
import dev.isthmus.codegen.bind.BindingGenerator;
import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.preprocess.CPreprocessor;
import dev.isthmus.cparser.preprocess.FreestandingHeaders;
import dev.isthmus.cparser.preprocess.PreprocessDiagnostic;
import dev.isthmus.cparser.preprocess.PreprocessException;
import dev.isthmus.cparser.preprocess.Preprocessed;
import dev.isthmus.cparser.preprocess.PreprocessorOptions;
import dev.isthmus.cparser.preprocess.SystemIncludes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code isthmus bind}: Java bindings over the FFM API from C headers (docs/bind.md). */
@Command(name = "bind", mixinStandardHelpOptions = true,
        description = {
            "Generates Java source over the JDK's FFM API (Java 22+, no Isthmus jar needed) for the declarations",
            "of C headers: a class of static methods for the functions, a class per struct and union with",
            "accessors (bitfields included), constants, and an interface per callback type (docs/bind.md)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the bindings were written", "1:the headers have errors (printed as file:line:col: error: ...)",
            "2:wrong command line", "3:an input could not be read or preprocessed", "4:the output could not be written"})
final class BindCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "HEADER", arity = "1..*", description = "The headers to bind (their own declarations; what they include is used, not bound).")
    private List<Path> headers = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "LANG", description = "java (default: classes over the FFM API) or lua (a module for LuaJIT's ffi, which Isthmus's Lua runs too).")
    private String language = "java";

    @Option(names = "--package", paramLabel = "NAME", description = "Java package of the generated classes (needed for --lang java).")
    private String packageName;

    @Option(names = "--header-class", paramLabel = "NAME", description = "Name of the class of functions (default: from the first header, zlib.h gives Zlib); with --lang lua, of the module (default: zlib).")
    private String headerClass;

    @Option(names = {"-l", "--library"}, paramLabel = "LIB", description = "The library to load: a short name (z), a soname or a path (default: the C library and the process).")
    private String library;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Directory of the generated source tree (default: the current one).")
    private Path output = Path.of(".");

    @Option(names = "--include-function", paramLabel = "REGEX", description = "Bind functions whose name has a match of REGEX. Once any --include option is given, only what they select is bound, with what it needs (as jextract's).")
    private String includeFunction;

    @Option(names = "--include-var", paramLabel = "REGEX", description = "Bind global variables whose name has a match.")
    private String includeVariable;

    @Option(names = "--include-struct", paramLabel = "REGEX", description = "Bind structs whose tag or typedef name has a match.")
    private String includeStruct;

    @Option(names = "--include-union", paramLabel = "REGEX", description = "Bind unions whose tag or typedef name has a match.")
    private String includeUnion;

    @Option(names = "--include-typedef", paramLabel = "REGEX", description = "Bind typedefs (callback types, named records and enums) whose name has a match.")
    private String includeTypedef;

    @Option(names = "--include-constant", paramLabel = "REGEX", description = "Bind constants, enumerators and function-like macros whose name has a match.")
    private String includeConstant;

    @Option(names = "--errno", paramLabel = "REGEX", description = "Capture errno in the functions whose name has a match; read it with errno().")
    private String errno;

    @Option(names = "--java-enums", description = "Also generate a Java enum per C enum (the int constants stay).")
    private boolean javaEnums;

    @Option(names = "--dump-includes", description = "Print, instead of generating, an --include-* option for every declaration the headers bring in, with where it comes from.")
    private boolean dumpIncludes;

    @Option(names = "--preprocessor", paramLabel = "KIND", description = "builtin (default: Isthmus's own, no compiler needed) or cc (runs cc -E).")
    private String preprocessor = "builtin";

    @Option(names = "--abi", paramLabel = "ABI", description = "sysv-x86_64 (or sysv-x64), aarch64 (or aapcs64) or win64 (default: this machine's), or portable: the layouts and signatures of all three, chosen at run time; with the builtin preprocessor.")
    private String abiName;

    @Option(names = "-I", paramLabel = "DIR", description = "Include directory (repeatable).")
    private List<Path> includeDirectories = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Macro definition (repeatable).")
    private List<String> definitions = new ArrayList<>();

    @Option(names = "--system-include", paramLabel = "ABI=DIR", description = "The C library headers of ABI, searched before"
            + " this machine's system directories when reading the headers for it (repeatable; for --abi portable or another"
            + " ABI than this machine's): aarch64=/usr/aarch64-linux-gnu/include (Debian's libc6-dev-arm64-cross),"
            + " win64=/usr/x86_64-w64-mingw32/include (mingw-w64-x86-64-dev).")
    private List<String> systemIncludes = new ArrayList<>();

    /** {@link #systemIncludes} by ABI name. */
    private final Map<String, List<Path>> targetSystemDirectories = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (!language.equals("java") && !language.equals("lua")) {
            throw usage("--lang must be java or lua, not '" + language + "'");
        }
        boolean lua = language.equals("lua");
        if (!lua && packageName == null) {
            throw usage("--package is needed for Java bindings");
        }
        boolean portable = "portable".equals(abiName);
        if (portable && lua) {
            throw usage("--abi portable is for Java: a Lua module's ffi.cdef is laid out by LuaJIT on the machine it runs on");
        }
        if (portable && preprocessor.equals("cc")) {
            throw usage("--abi portable needs the builtin preprocessor: cc -E preprocesses for this machine only");
        }
        Abi abi = abiName == null ? Abi.host() : portable ? Abi.all().getFirst() : Abi.byName(abiName).orElseThrow(() -> usage(
                "unknown ABI '" + abiName + "'; use one of " + Abi.all().stream().map(Abi::name).toList() + " or portable"));
        if (!preprocessor.equals("builtin") && !preprocessor.equals("cc")) {
            throw usage("--preprocessor must be builtin or cc, not '" + preprocessor + "'");
        }
        if (preprocessor.equals("cc") && abiName != null && !abi.name().equals(Abi.host().name())) {
            throw usage("--abi " + abiName + " needs the builtin preprocessor: cc -E preprocesses for this machine");
        }
        for (String given : systemIncludes) {
            int eq = given.indexOf('=');
            Optional<Abi> target = eq < 0 ? Optional.empty() : Abi.byName(given.substring(0, eq));
            if (target.isEmpty()) {
                throw usage("--system-include takes ABI=DIR with ABI one of " + Abi.all().stream().map(Abi::name).toList()
                        + ", not '" + given + "'");
            }
            Path directory = Path.of(given.substring(eq + 1));
            if (!Files.isDirectory(directory)) {
                throw new CliFailure(ExitCode.INPUT, "--system-include " + given + ": no such directory");
            }
            targetSystemDirectories.computeIfAbsent(target.get().name(), k -> new ArrayList<>()).add(directory);
        }
        Map<String, String> headerNames = new LinkedHashMap<>();
        StringBuilder program = new StringBuilder();
        for (Path header : headers) {
            if (!Files.isRegularFile(header)) {
                throw new CliFailure(ExitCode.INPUT, "cannot read '" + header + "': no such file");
            }
            String absolute = header.toAbsolutePath().normalize().toString();
            headerNames.put(absolute, header.toString());
            program.append("#include \"").append(absolute).append("\"\n");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<CScope> scopes = new ArrayList<>();
        String text = "";
        for (Abi target : portable ? Abi.all() : List.of(abi)) {
            Optional<HeadersRead> read = read(target, program.toString(), err);
            if (read.isEmpty()) {
                return ExitCode.PARSE.status();
            }
            scopes.add(read.get().scope());
            text = scopes.size() == 1 ? read.get().text() : text;
        }
        CScope scope = scopes.getFirst();
        String className = headerClass != null ? headerClass : lua ? moduleNameFor(headers.getFirst())
                : BindingGenerator.headerClassFor(headers.getFirst().getFileName().toString());
        BindOptions options = new BindOptions(lua ? "" : packageName, className, Optional.ofNullable(library), headerNames,
                regex("--include-function", includeFunction), regex("--include-var", includeVariable),
                regex("--include-struct", includeStruct), regex("--include-union", includeUnion),
                regex("--include-typedef", includeTypedef), regex("--include-constant", includeConstant),
                regex("--errno", errno), javaEnums);
        if (dumpIncludes) {
            PrintWriter out = spec.commandLine().getOut();
            IncludeDump.lines(scope, options).forEach(out::println);
            out.flush();
            return ExitCode.OK.status();
        }
        UnboundMacros.Found macros = UnboundMacros.find(text, headerNames, scope);
        BindingGenerator.Result result = lua
                ? BindingGenerator.generateLua(scope, options, LibraryNames.candidates(library), className, macros.functionMacros())
                : portable ? BindingGenerator.generatePortable(scopes, options, LibraryNames.candidates(library), macros.functionMacros())
                : BindingGenerator.generate(scope, options, LibraryNames.candidates(library), macros.functionMacros());
        write(result.files());
        List<String> notBound = new ArrayList<>(result.notBound());
        notBound.addAll(macros.notBound());
        PrintWriter out = spec.commandLine().getOut();
        out.println("isthmus bind: wrote " + result.files().size() + " files under " + output + ": "
                + result.functionCount() + " functions, " + result.recordCount() + " structs and unions, "
                + (lua ? "" : result.callbackCount() + " callback interfaces, ") + result.constantCount() + " constants");
        if (!result.notes().isEmpty()) {
            out.println("bound with a change (" + result.notes().size() + "):");
            result.notes().forEach(line -> out.println("  " + line));
        }
        if (!notBound.isEmpty()) {
            out.println("not bound (" + notBound.size() + "):");
            notBound.forEach(line -> out.println("  " + line));
        }
        out.flush();
        return ExitCode.OK.status();
    }

    /** The headers preprocessed for one ABI, and the scope of their declarations. */
    private record HeadersRead(String text, CScope scope) {
    }

    /**
     * The headers preprocessed and parsed for {@code target}, or empty after printing the
     * errors (prefixed by the ABI in portable mode). The builtin preprocessor runs in step
     * with the parse (faster from a cold start) unless the text must first be checked for
     * another architecture's C library headers, which would make the parse meaningless.
     */
    private Optional<HeadersRead> read(Abi target, String program, PrintWriter err) {
        if (preprocessor.equals("cc")) {
            String text = new Preprocessor(includeDirectories.stream().map(Path::toString).toList(), definitions, List.of("-dD"))
                    .run(null, program, err);
            return parse(target, err, scope -> scope.declare(text, "<bind>")).map(scope -> new HeadersRead(text, scope));
        }
        // The target's own C library headers (--system-include) come before this machine's, which
        // still give the headers bound (zlib.h) and are checked for below.
        List<Path> system = new ArrayList<>(targetSystemDirectories.getOrDefault(target.name(), List.of()));
        system.addAll(SystemIncludes.host());
        PreprocessorOptions options = new PreprocessorOptions(target, includeDirectories,
                FreestandingHeaders.systemDirectoriesFor(target, system), definitions, List.of(), true);
        try {
            if (ForeignSystemHeaders.possible(target, system)) {
                Preprocessed preprocessed = CPreprocessor.create(options).preprocess(program, "<bind>");
                preprocessed.warnings().forEach(w -> err.println(forAbi(target) + w));
                Optional<String> foreign = ForeignSystemHeaders.firstRead(preprocessed.text(), target, system);
                if (foreign.isPresent()) {
                    err.println(forAbi(target) + foreign.get());
                    err.flush();
                    return Optional.empty();
                }
                return parse(target, err, scope -> scope.declare(preprocessed.text(), "<bind>"))
                        .map(scope -> new HeadersRead(preprocessed.text(), scope));
            }
            // The scope is made once the preprocessor has started, overlapping its first files.
            Preprocessed[] preprocessed = new Preprocessed[1];
            CScope[] made = new CScope[1];
            try {
                preprocessed[0] = CPreprocessor.create(options).preprocessAndDeclare(program, "<bind>",
                        () -> made[0] = CScope.create(target), w -> err.println(forAbi(target) + w));
            } catch (CParseException e) {
                printParseErrors(target, err, e);
                return Optional.empty();
            }
            return Optional.of(new HeadersRead(preprocessed[0].text(), made[0]));
        } catch (PreprocessException e) {
            e.diagnostics().stream().filter(PreprocessDiagnostic::isError)
                    .map(d -> ForeignSystemHeaders.explainError(d.position().file(), target, system))
                    .flatMap(Optional::stream).findFirst().ifPresent(explanation -> err.println(forAbi(target) + explanation));
            e.diagnostics().forEach(d -> err.println(forAbi(target) + d));
            err.flush();
            return Optional.empty();
        }
    }

    /** A new scope for {@code target} filled by {@code declare}, or empty after printing the parse errors. */
    private Optional<CScope> parse(Abi target, PrintWriter err, java.util.function.Consumer<CScope> declare) {
        CScope scope = CScope.create(target);
        try {
            declare.accept(scope);
            return Optional.of(scope);
        } catch (CParseException e) {
            printParseErrors(target, err, e);
            return Optional.empty();
        }
    }

    private void printParseErrors(Abi target, PrintWriter err, CParseException e) {
        e.diagnostics().forEach(d -> err.println(forAbi(target) + d));
        err.flush();
    }

    /** In portable mode, which ABI's reading of the headers a message comes from. */
    private String forAbi(Abi target) {
        return "portable".equals(abiName) ? "[" + target.name() + "] " : "";
    }

    /** A Lua module's default name: the header's file name without its extension ({@code zlib.h} gives {@code zlib}). */
    private static String moduleNameFor(Path header) {
        String name = header.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void write(Map<Path, String> files) {
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Path target = output.resolve(file.getKey());
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            } catch (IOException e) {
                throw new CliFailure(ExitCode.OUTPUT, "cannot write '" + target + "': " + e.getMessage(), e);
            }
        }
    }

    private Optional<Pattern> regex(String option, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(value));
        } catch (PatternSyntaxException e) {
            throw usage(option + ": not a regular expression: " + e.getDescription() + " in '" + value + "'");
        }
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}
