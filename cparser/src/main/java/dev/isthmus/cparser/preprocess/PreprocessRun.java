package dev.isthmus.cparser.preprocess;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One preprocessing of one main file: the macro table, the stack of files being read, the
 * conditional groups open, and the output. Reads files as ISO-8859-1 (bytes in, bytes out,
 * as the parser reads them). Directives are run by {@link Directives}, macros expanded by
 * {@link MacroExpander} reading from this run's files.
 */
final class PreprocessRun {
    private static final int MAX_INCLUDE_DEPTH = 200;
    private static final Set<String> OPERATOR_MACROS = Set.of("__has_include", "__has_include_next",
            "__has_attribute", "__has_cpp_attribute", "__has_c_attribute", "__has_builtin");
    private static final Set<String> DYNAMIC_MACROS = Set.of("__LINE__", "__FILE__", "__COUNTER__",
            "__INCLUDE_LEVEL__", "__BASE_FILE__", "__DATE__", "__TIME__", "__TIMESTAMP__");

    /** A file found for an {@code #include}. */
    record Found(Path path, String name, int chainIndex, boolean system) {
    }

    /** A file's text, read once per preprocessor, and its include guard once known (null while none is). */
    private static final class FileText {
        final SourceText text;
        String guard;

        FileText(SourceText text) {
            this.text = text;
        }
    }

    final PreprocessorOptions options;
    /** Sized for system headers, which define a few thousand macros. */
    final Map<String, Macro> macros = new LinkedHashMap<>(8192);
    final Map<String, ArrayDeque<java.util.Optional<Macro>>> pushedMacros = new HashMap<>();
    final ArrayDeque<Source> sources = new ArrayDeque<>();
    final ArrayDeque<Conditional> conditionals = new ArrayDeque<>();
    final Set<Path> onceFiles = new HashSet<>();
    final PreprocessedWriter writer;
    private final List<Path> chain = new ArrayList<>();
    private final int firstSystem;
    private final List<PreprocessDiagnostic> diagnostics = new ArrayList<>();
    private final Map<String, FileText> files;
    private final Directives directives = new Directives(this);
    /** By start in the chain and header, what a search of the include chain found (null: nothing). */
    private final Map<Integer, Map<String, Found>> chainFinds = new HashMap<>();
    private final Map<Path, Boolean> fileChecks = new HashMap<>();
    /**
     * Each chain directory's name ending in a slash, or null for one of another file system (the
     * freestanding headers in a jar): a header is looked for there by the string of its name,
     * and a {@code Path} made only for the file found, since each {@code Path} resolved and turned
     * into a {@code File} converts its name between characters and bytes several times, on a
     * cold start through code not yet compiled (a header set looks in a few hundred places).
     */
    private final String[] chainNames;
    /** Whether a regular file is at a name (in the default file system), by name. */
    private final Map<String, Boolean> fileChecksByName = new HashMap<>();
    /** The distinct spellings of a run over system headers: about 10,000 for stdio.h ... sqlite3.h. */
    private final Spellings spellings = new Spellings(16384);
    private String baseFile = "";
    private int counter;

    /** An open {@code #if} group: where it began, whether a group of it was taken, whether {@code #else} was seen. */
    static final class Conditional {
        final PpToken at;
        boolean taken;
        boolean sawElse;

        Conditional(PpToken at, boolean taken) {
            this.at = at;
            this.taken = taken;
        }
    }

    PreprocessRun(PreprocessorOptions options, boolean lineMarkers, Map<String, Object> fileCache,
                  dev.isthmus.cparser.parse.TokenFeed feed) {
        this.options = options;
        this.writer = new PreprocessedWriter(lineMarkers, feed);
        chain.addAll(options.includeDirectories());
        firstSystem = chain.size();
        chain.addAll(options.systemDirectories());
        chainNames = new String[chain.size()];
        for (int i = 0; i < chainNames.length; i++) {
            Path dir = chain.get(i);
            if (isDefault(dir)) {
                String name = dir.toString();
                chainNames[i] = name.endsWith("/") ? name : name.concat("/");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, FileText> typed = (Map<String, FileText>) (Map<String, ?>) fileCache;
        this.files = typed;
    }

    /** Runs the whole input; the output's text is joined only when asked for. */
    OutputText run(String text, String name, Path directory) {
        baseFile = name;
        runWithoutOutput(PredefinedMacros.forAbi(options.abi().name()), "<built-in>");
        StringBuilder commandLine = new StringBuilder();
        for (String definition : options.definitions()) {
            int eq = definition.indexOf('=');
            commandLine.append("#define ").append(eq < 0 ? definition + " 1" : definition.substring(0, eq) + " "
                    + definition.substring(eq + 1)).append('\n');
        }
        for (String u : options.undefinitions()) {
            commandLine.append("#undef ").append(u).append('\n');
        }
        runWithoutOutput(commandLine.toString(), "<command-line>");
        Path mainPath = directory.resolve(name.equals("-") ? "<stdin>" : Path.of(name).getFileName().toString());
        sources.push(new Source(new PpLexer(text, name, spellings), mainPath, name, -1, false, 0, true));
        MacroExpander expander = new MacroExpander(this, false);
        // The loop's body is a method: the JVM compiles a method after a few hundred calls, but a
        // loop in a method called once only after tens of thousands of iterations, more than the
        // tokens a header set writes, so the loop itself would stay interpreted.
        while (writeNext(expander)) {
            // Each token is written by writeNext.
        }
        return writer.text();
    }

    /** Writes the next token of the output (or runs the {@code _Pragma} it begins); false at the end. */
    private boolean writeNext(MacroExpander expander) {
        PpToken t = expander.next();
        if (t.isEnd()) {
            return false;
        }
        if (t.is("_Pragma") && !t.hideSet().contains("_Pragma")) {
            directives.pragmaOperator(t, expander);
        } else {
            writer.token(t);
        }
        return true;
    }

    /**
     * Runs the directives of the predefined macros or the command line. They write no
     * tokens, but their {@code #define} lines are kept when definitions are ({@code cc -dD}
     * keeps them too), so a kept definition naming one ({@code #define MAX LONG_MAX},
     * {@code LONG_MAX} being {@code __LONG_MAX__}) can still be evaluated.
     */
    private void runWithoutOutput(String text, String name) {
        sources.push(new Source(new PpLexer(text, name, spellings), Path.of("."), name, -1, false, 0, options.keepDefinitions()));
        for (PpToken t = read(); !t.isEnd(); t = read()) {
            error(t, "unexpected text outside a directive in " + name);
        }
        sources.pop();
    }

    List<PreprocessDiagnostic> diagnostics() {
        return diagnostics;
    }

    // The input files, with directives run as they are met.

    /** The next token of the files, directives run as they are met. */
    PpToken read() {
        PpToken t = peek();
        if (!t.isEnd()) {
            sources.peek().index++;
        }
        return t;
    }

    PpToken peek() {
        while (true) {
            Source source = sources.peek();
            PpToken t = source.current();
            if (t.isEnd()) {
                closeConditionals(source);
                if (sources.size() == 1 || !source.producesOutput) {
                    return source.presumed(t);
                }
                sources.pop();
                FileText file = files.get(source.name);
                if (source.guard != null && file != null) {
                    file.guard = source.guard;
                }
                continue;
            }
            if (t.startsLine() && (t.is("#") || t.is("%:"))) {
                directives.run(source);
                continue;
            }
            return source.presumed(t);
        }
    }

    private void closeConditionals(Source source) {
        while (conditionals.size() > source.conditionalDepth) {
            error(conditionals.pop().at, "unterminated conditional directive");
        }
    }

    // Includes.

    void include(Found found, PpToken at) {
        if (sources.size() > MAX_INCLUDE_DEPTH) {
            error(at, "#include nested depth " + sources.size() + " exceeds maximum of " + MAX_INCLUDE_DEPTH);
            return;
        }
        // Only a #pragma once file is known by its real path (resolving it costs a system call per directory).
        if (!onceFiles.isEmpty() && onceFiles.contains(identity(found.path()))) {
            return;
        }
        FileText file = files.get(found.name());
        if (file != null && file.guard != null && macros.containsKey(file.guard)) {
            return;
        }
        if (file == null) {
            try {
                file = new FileText(SourceText.ofLatin1(read(found)));
            } catch (IOException e) {
                error(at, found.name() + ": " + e.getMessage());
                return;
            }
            files.put(found.name(), file);
        }
        sources.push(new Source(new PpLexer(file.text, found.name(), spellings), found.path(), found.name(),
                found.chainIndex(), found.system(), conditionals.size(), true));
    }

    /**
     * A file's bytes, read through {@code java.io}, which the JVM has set up when it starts:
     * NIO's channels (what {@code Files.readAllBytes} opens) cost a tenth of a cold run's
     * preprocessing, most of it their first use. A file of another file system (the
     * freestanding headers inside a jar) is read through NIO.
     */
    private byte[] read(Found found) throws IOException {
        // Found in a directory of the chain by its name: opened by that name, without the Path's conversions.
        if (found.chainIndex() >= 0 && chainNames[found.chainIndex()] != null) {
            try (FileInputStream in = new FileInputStream(found.name())) {
                return in.readAllBytes();
            }
        }
        return read(found.path());
    }

    private static byte[] read(Path path) throws IOException {
        if (!isDefault(path)) {
            return Files.readAllBytes(path);
        }
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            return in.readAllBytes();
        }
    }

    private static boolean isDefault(Path path) {
        return path.getFileSystem() == FileSystems.getDefault();
    }

    static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** The file an include names, searched as GCC does; null when there is none. */
    Found find(String header, boolean angled, boolean next, Source from) {
        if (header.isEmpty()) {
            return null;
        }
        if (header.startsWith("/")) {
            Path p = Path.of(header);
            return isFile(p) ? new Found(p, header, -1, false) : null;
        }
        int start = 0;
        if (next) {
            start = from.chainIndex >= 0 ? from.chainIndex + 1 : 0;
        } else if (!angled) {
            Path candidate = from.path.resolveSibling(header);
            if (isFile(candidate)) {
                return new Found(candidate, from.directoryName() + header, -1, from.system);
            }
        }
        // The same header is searched for from the same place many times (each includer of a
        // guarded header names it): the chain is walked once per header and start.
        Map<String, Found> finds = chainFinds.get(start);
        if (finds == null) {
            finds = new HashMap<>();
            chainFinds.put(start, finds);
        }
        Found known = finds.get(header);
        if (known != null || finds.containsKey(header)) {
            return known;
        }
        Found found = null;
        for (int i = start; i < chain.size() && found == null; i++) {
            // String.concat rather than +: a + links its call site (spinning classes) at its first run, on a cold start's path.
            if (chainNames[i] != null) {
                String candidate = chainNames[i].concat(header);
                if (isFile(candidate)) {
                    found = new Found(Path.of(candidate), candidate, i, i >= firstSystem);
                }
                continue;
            }
            Path candidate = chain.get(i).resolve(header);
            if (isFile(candidate)) {
                String dir = chain.get(i).toString();
                found = new Found(candidate, (dir.endsWith("/") ? dir : dir.concat("/")).concat(header), i, i >= firstSystem);
            }
        }
        finds.put(header, found);
        return found;
    }

    /** Whether a regular file is at {@code name} in the default file system, asked once per name a run. */
    private boolean isFile(String name) {
        Boolean known = fileChecksByName.get(name);
        if (known == null) {
            known = new java.io.File(name).isFile();
            fileChecksByName.put(name, known);
        }
        return known;
    }

    /** Whether a regular file is at {@code path}, asked of the file system once per path a run (through {@code java.io}, as {@link #read}). */
    private boolean isFile(Path path) {
        Boolean known = fileChecks.get(path);
        if (known == null) {
            known = isDefault(path) ? path.toFile().isFile() : Files.isRegularFile(path);
            fileChecks.put(path, known);
        }
        return known;
    }

    boolean hasInclude(List<PpToken> operand, boolean next, PpToken at) {
        HeaderName name = directives.headerName(operand, at);
        return name != null && find(name.name(), name.angled(), next, sources.peek()) != null;
    }

    /** A header name as written: {@code stdio.h} and whether it was in angle brackets. */
    record HeaderName(String name, boolean angled) {
    }

    // Macros.

    /**
     * The macro a token names, read from its spelling ({@link Spelling#macro}, kept equal to the
     * table by {@link #defineMacro} and {@link #undefineMacro}); a spelling of another table
     * (none reaches here, but a lexer made elsewhere would give one) is looked up by name.
     */
    Macro macro(PpToken t) {
        Spelling s = t.spelling();
        return s.table == spellings ? s.macro : macros.get(s.text);
    }

    /** Defines (or redefines) a macro; returns the definition it replaces, or null. */
    Macro defineMacro(String name, Macro macro) {
        spellings.of(name).macro = macro;
        return macros.put(name, macro);
    }

    /** Removes a macro's definition, if any. */
    void undefineMacro(String name) {
        spellings.of(name).macro = null;
        macros.remove(name);
    }

    /** The one token {@code spelling} lexes to, spelled from this run's table, or null ({@link PpLexer#single}). */
    PpToken single(String spelling) {
        return PpLexer.single(spelling, spellings);
    }

    /** This run's one spelling of {@code text}. */
    Spelling spelling(String text) {
        return spellings.of(text);
    }

    boolean isDefined(String name) {
        return macros.containsKey(name) || (isReserved(name) && (DYNAMIC_MACROS.contains(name) || OPERATOR_MACROS.contains(name)));
    }

    /** Whether a name starts with two underscores, as every dynamic macro and {@code __has_*} operator does. */
    private static boolean isReserved(String name) {
        return name.length() >= 8 && name.charAt(0) == '_' && name.charAt(1) == '_';
    }

    /**
     * Whether a token is {@code __LINE__}, {@code __FILE__} or the like. Asked of every identifier
     * that names no macro: the test is kept apart from the values, so the method compiled for it
     * is small (C1 compiles a method whole, however rarely a path runs).
     */
    boolean isDynamicMacro(PpToken t) {
        return isReserved(t.text()) && DYNAMIC_MACROS.contains(t.text());
    }

    /** The value of {@code __LINE__}, {@code __FILE__} and the like ({@link #isDynamicMacro}) where {@code t} is. */
    PpToken dynamicValue(PpToken t) {
        String name = t.text();
        LocalDateTime now = LocalDateTime.now();
        String value = switch (name) {
            case "__LINE__" -> Integer.toString(t.line());
            case "__FILE__" -> quote(t.file());
            case "__COUNTER__" -> Integer.toString(counter++);
            case "__INCLUDE_LEVEL__" -> Integer.toString(Math.max(0, sources.size() - 1));
            case "__BASE_FILE__" -> quote(baseFile);
            case "__DATE__" -> quote(DateTimeFormatter.ofPattern("MMM ppd yyyy", Locale.ROOT).format(now));
            case "__TIME__" -> quote(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(now));
            default -> quote(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).format(now));
        };
        PpToken.Kind kind = value.startsWith("\"") ? PpToken.Kind.STRING : PpToken.Kind.NUMBER;
        return new PpToken(kind, spellings.of(value), t.file(), t.line(), t.column(), t.space(), false, t.hideSet());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // Diagnostics.

    void error(PpToken at, String message) {
        diagnostics.add(new PreprocessDiagnostic(PreprocessDiagnostic.Severity.ERROR, at.position(), message));
    }

    void warning(PpToken at, String message) {
        diagnostics.add(new PreprocessDiagnostic(PreprocessDiagnostic.Severity.WARNING, at.position(), message));
    }

    /** Stops the run at once, as GCC stops at a missing include. */
    void fatal(PpToken at, String message) {
        error(at, message);
        throw new PreprocessException(diagnostics);
    }

    boolean hasErrors() {
        // A loop, not a stream and a method reference: their classes are loaded and spun at a cold run's end otherwise.
        for (PreprocessDiagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }
}
