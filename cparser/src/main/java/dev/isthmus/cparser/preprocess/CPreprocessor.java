package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.parse.TokenFeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The C preprocessor in Java (C11 6.10 with GCC's extensions): what {@code cc -E} does for
 * headers, without a C compiler. Its output is {@code cc -E}'s: the same tokens (the tests
 * check it against {@code cc -E -P} on every system header the project uses), with line
 * markers so the parser knows each declaration's header and line.
 *
 * <pre>{@code
 * CPreprocessor pp = CPreprocessor.create(PreprocessorOptions.host(Abi.host()));
 * Preprocessed p = pp.preprocess("#include <zlib.h>\n", "input.c");
 * CScope.create(Abi.host()).declare(p.text(), "input.c");
 * }</pre>
 *
 * <p>Errors ({@code #error}, a missing header, a bad directive or expression) are collected
 * with their positions and thrown together as a {@link PreprocessException}; a missing
 * header stops the run at once, as it stops GCC. Files are read as ISO-8859-1. An instance
 * keeps the text of the files it has read, so preprocessing several inputs reads each
 * header once; it is not thread-safe.
 */
public final class CPreprocessor {
    private final PreprocessorOptions options;
    private final Map<String, Object> fileCache = new HashMap<>();

    private CPreprocessor(PreprocessorOptions options) {
        this.options = options;
    }

    public static CPreprocessor create(PreprocessorOptions options) {
        return new CPreprocessor(options);
    }

    public PreprocessorOptions options() {
        return options;
    }

    /** Preprocesses a file; quoted includes are searched for beside it first. */
    public Preprocessed preprocess(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read '" + file + "': no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        return run(text, file.toString(), parent, true);
    }

    /** Preprocesses text named {@code fileName}; quoted includes are searched for in the working directory first. */
    public Preprocessed preprocess(String text, String fileName) {
        return run(text, fileName, Path.of("").toAbsolutePath(), true);
    }

    /** As {@link #preprocess(String, String)} without line markers, as {@code cc -E -P} prints. */
    public Preprocessed preprocessWithoutLineMarkers(String text, String fileName) {
        return run(text, fileName, Path.of("").toAbsolutePath(), false);
    }

    /**
     * Preprocesses text named {@code fileName} (as {@link #preprocess(String, String)}) and
     * declares the result into {@code scope} (as {@link CScope#declare(String, String)}) at
     * the same time: the preprocessor runs on a thread of its own and hands each token it
     * writes to the parser ({@link TokenFeed}), which therefore neither waits for the whole
     * text nor lexes it again. A preprocessing error is thrown (as a
     * {@link PreprocessException}) before any parse error, as if the two ran in turn.
     */
    public Preprocessed preprocessAndDeclare(String text, String fileName, CScope scope) {
        return preprocessAndDeclare(text, fileName, scope, warning -> { });
    }

    /**
     * As {@link #preprocessAndDeclare(String, String, CScope)}, handing each warning of a
     * successful preprocessing ({@code #warning}, a redefinition) to {@code warnings} once
     * preprocessing is done and before a parse error is thrown, as {@code cc} prints them
     * before the compiler's errors: a parse error does not lose them.
     */
    public Preprocessed preprocessAndDeclare(String text, String fileName, CScope scope,
                                             java.util.function.Consumer<PreprocessDiagnostic> warnings) {
        return preprocessAndDeclare(text, fileName, () -> scope, warnings);
    }

    /**
     * As {@link #preprocessAndDeclare(String, String, CScope, java.util.function.Consumer)}
     * into a scope that {@code scope} makes once preprocessing has begun: making a new
     * {@link CScope} (its built-in declarations, the parser's tables) then overlaps the
     * preprocessor's first files instead of delaying them.
     */
    public Preprocessed preprocessAndDeclare(String text, String fileName, Supplier<CScope> scope,
                                             java.util.function.Consumer<PreprocessDiagnostic> warnings) {
        TokenFeed feed = new TokenFeed(fileName);
        Preprocessed[] result = new Preprocessed[1];
        Throwable[] failure = new Throwable[1];
        // A plain Thread rather than Thread.ofPlatform(): the builder's classes are loaded and
        // linked on the critical path of a cold start otherwise.
        Thread preprocessing = new Thread(() -> {
            try {
                result[0] = run(text, fileName, Path.of("").toAbsolutePath(), true, feed);
            } catch (Throwable e) {
                failure[0] = e;
                feed.abandon();
            }
        }, "isthmus-preprocessor");
        preprocessing.setDaemon(true);
        preprocessing.start();
        RuntimeException parseFailure = null;
        try {
            scope.get().declarePreprocessed(feed, fileName);
        } catch (RuntimeException e) {
            parseFailure = e;
        }
        try {
            preprocessing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preprocessing " + fileName, e);
        }
        // instanceof, not a pattern switch, whose bootstrap spins classes at its first run.
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        result[0].warnings().forEach(warnings);
        if (parseFailure != null) {
            throw parseFailure;
        }
        return result[0];
    }

    /** As {@link #preprocess(String, String)}, handing each token written to {@code feed} too. */
    Preprocessed preprocess(String text, String fileName, TokenFeed feed) {
        return run(text, fileName, Path.of("").toAbsolutePath(), true, feed);
    }

    private Preprocessed run(String text, String name, Path directory, boolean lineMarkers) {
        return run(text, name, directory, lineMarkers, null);
    }

    private Preprocessed run(String text, String name, Path directory, boolean lineMarkers, TokenFeed feed) {
        PreprocessRun run = new PreprocessRun(options, lineMarkers, fileCache, feed);
        OutputText output = run.run(text, name, directory);
        if (run.hasErrors()) {
            throw new PreprocessException(run.diagnostics());
        }
        // The run's own table, not a copy: nothing changes it once the run is over, and copying its
        // ten thousand entries at the end of every run is for a list that is rarely asked for.
        return new Preprocessed(output, run.diagnostics(), new DefinedMacros(run.macros.values()));
    }

    /**
     * The macros the files defined, spelled when first asked for. A class rather than a lambda,
     * which the JVM would spin at the end of every cold run.
     */
    private record DefinedMacros(java.util.Collection<Macro> defined) implements Supplier<List<MacroDefinition>> {
        @Override
        public List<MacroDefinition> get() {
            List<MacroDefinition> macros = new ArrayList<>();
            for (Macro m : defined) {
                String file = m.definedAt().file();
                if (!file.equals("<built-in>") && !file.equals("<command-line>")) {
                    macros.add(new MacroDefinition(m.name(), m.functionLike(), m.parameters(), m.variadic(), m.bodyText(),
                            m.definedAt().position()));
                }
            }
            return macros;
        }
    }
}
