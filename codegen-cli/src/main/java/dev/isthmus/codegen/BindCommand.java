package dev.isthmus.codegen;

import dev.isthmus.codegen.bind.BindOptions;
import dev.isthmus.codegen.bind.BindingGenerator;
import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.preprocess.CPreprocessor;
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

    @Option(names = "--include-function", paramLabel = "REGEX", description = "Bind only functions and variables whose name has a match of REGEX.")
    private String includeFunction;

    @Option(names = "--include-struct", paramLabel = "REGEX", description = "Bind only structs and unions whose name has a match (records the functions need are bound anyway).")
    private String includeStruct;

    @Option(names = "--include-typedef", paramLabel = "REGEX", description = "Bind only typedefs (callback types, named records) whose name has a match.")
    private String includeTypedef;

    @Option(names = "--include-constant", paramLabel = "REGEX", description = "Bind only constants and enumerators whose name has a match.")
    private String includeConstant;

    @Option(names = "--errno", paramLabel = "REGEX", description = "Capture errno in the functions whose name has a match; read it with errno().")
    private String errno;

    @Option(names = "--java-enums", description = "Also generate a Java enum per C enum (the int constants stay).")
    private boolean javaEnums;

    @Option(names = "--dump-includes", description = "Print, instead of generating, an --include-* option for every declaration the headers bring in, with where it comes from.")
    private boolean dumpIncludes;

    @Option(names = "--preprocessor", paramLabel = "KIND", description = "builtin (default: Isthmus's own, no compiler needed) or cc (runs cc -E).")
    private String preprocessor = "builtin";

    @Option(names = "--abi", paramLabel = "ABI", description = "sysv-x86_64, aarch64 or win64 (default: this machine's); with the builtin preprocessor.")
    private String abiName;

    @Option(names = "-I", paramLabel = "DIR", description = "Include directory (repeatable).")
    private List<Path> includeDirectories = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Macro definition (repeatable).")
    private List<String> definitions = new ArrayList<>();

    @Override
    public Integer call() {
        if (!language.equals("java") && !language.equals("lua")) {
            throw usage("--lang must be java or lua, not '" + language + "'");
        }
        boolean lua = language.equals("lua");
        if (!lua && packageName == null) {
            throw usage("--package is needed for Java bindings");
        }
        Abi abi = abiName == null ? Abi.host() : Abi.byName(abiName).orElseThrow(() -> usage(
                "unknown ABI '" + abiName + "'; use one of " + Abi.all().stream().map(Abi::name).toList()));
        if (!preprocessor.equals("builtin") && !preprocessor.equals("cc")) {
            throw usage("--preprocessor must be builtin or cc, not '" + preprocessor + "'");
        }
        if (preprocessor.equals("cc") && abiName != null && !abi.name().equals(Abi.host().name())) {
            throw usage("--abi " + abiName + " needs the builtin preprocessor: cc -E preprocesses for this machine");
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
        String text;
        if (preprocessor.equals("cc")) {
            text = new Preprocessor(includeDirectories.stream().map(Path::toString).toList(), definitions, List.of("-dD"))
                    .run(null, program.toString());
        } else {
            PreprocessorOptions options = new PreprocessorOptions(abi, includeDirectories, SystemIncludes.host(), definitions,
                    List.of(), true);
            try {
                Preprocessed preprocessed = CPreprocessor.create(options).preprocess(program.toString(), "<bind>");
                preprocessed.warnings().forEach(err::println);
                text = preprocessed.text();
            } catch (PreprocessException e) {
                e.diagnostics().forEach(err::println);
                err.flush();
                return ExitCode.PARSE.status();
            }
        }
        CScope scope = CScope.create(abi);
        try {
            scope.declare(text, "<bind>");
        } catch (CParseException e) {
            e.diagnostics().forEach(err::println);
            err.flush();
            return ExitCode.PARSE.status();
        }
        String className = headerClass != null ? headerClass : lua ? moduleNameFor(headers.getFirst())
                : BindingGenerator.headerClassFor(headers.getFirst().getFileName().toString());
        BindOptions options = new BindOptions(lua ? "" : packageName, className, Optional.ofNullable(library), headerNames,
                regex("--include-function", includeFunction), regex("--include-struct", includeStruct),
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
                : BindingGenerator.generate(scope, options, LibraryNames.candidates(library), macros.functionMacros());
        write(result.files());
        List<String> notBound = new ArrayList<>(result.notBound());
        notBound.addAll(macros.notBound());
        PrintWriter out = spec.commandLine().getOut();
        out.println("isthmus bind: wrote " + result.files().size() + " files under " + output + ": "
                + result.functionCount() + " functions, " + result.recordCount() + " structs and unions, "
                + (lua ? "" : result.callbackCount() + " callback interfaces, ") + result.constantCount() + " constants");
        if (!notBound.isEmpty()) {
            out.println("not bound (" + notBound.size() + "):");
            notBound.forEach(line -> out.println("  " + line));
        }
        out.flush();
        return ExitCode.OK.status();
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
