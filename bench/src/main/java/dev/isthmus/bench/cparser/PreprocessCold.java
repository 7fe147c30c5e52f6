package dev.isthmus.bench.cparser;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.preprocess.CPreprocessor;
import dev.isthmus.cparser.preprocess.PreprocessorOptions;
import dev.isthmus.cparser.preprocess.SystemIncludes;

import java.util.List;
import java.util.Locale;

/**
 * Issue #13's cold-start comparison: the system header set ({@link HeaderSet}) read from
 * nothing to declarations in a fresh JVM, once, either by the built-in preprocessor and
 * cparser ({@code builtin}) or by running {@code cc -E} and parsing its text ({@code cc}),
 * which is what {@code isthmus bind --preprocessor builtin|cc} does. Prints one line of
 * {@code key=value} fields: the seconds spent finding the system include directories
 * (builtin only: {@code cc -v}, asked once and then read from a cache file), preprocessing
 * and parsing (in step for builtin, one after the other for cc), and in all.
 *
 * <p>Run it in a new JVM per measurement ({@code bench/run preprocess} does); a second
 * run in the same JVM is no longer cold. {@code train} runs both paths once, one after the
 * other, printing nothing: the training run of the start-up cache ({@code -XX:AOTCacheOutput})
 * that both paths' JVMs then start with, so that neither has classes or profiles the other
 * lacks.
 */
public final class PreprocessCold {
    private PreprocessCold() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("builtin", "cc", "train").contains(args[0])) {
            System.err.println("usage: PreprocessCold builtin|cc|train");
            System.exit(2);
        }
        if (args[0].equals("train")) {
            read(true);
            read(false);
            return;
        }
        System.out.println(read(args[0].equals("builtin")));
    }

    /** Reads the header set by one path; returns the line of fields. */
    private static String read(boolean builtin) throws Exception {
        long start = System.nanoTime();
        if (builtin) {
            SystemIncludes.host(); // asked once per JVM (or read from its cache file), then kept
        }
        long found = System.nanoTime();
        CScope[] made = new CScope[1];
        String phases;
        if (builtin) {
            // The parser takes the preprocessor's tokens as they are written: the two overlap,
            // and the scope is made while the preprocessor reads its first files.
            CPreprocessor.create(PreprocessorOptions.host(Abi.host())).preprocessAndDeclare(HeaderSet.includeProgram(), "headers.c",
                    () -> made[0] = CScope.create(Abi.host()), warning -> { });
            phases = String.format(Locale.ROOT, "includes_s=%.3f preprocess_and_parse_s=%.3f", (found - start) / 1e9,
                    (System.nanoTime() - found) / 1e9);
        } else {
            String text = HeaderSet.preprocess(List.of());
            long preprocessed = System.nanoTime();
            made[0] = CScope.create(Abi.host());
            made[0].declare(text, "headers.c");
            phases = String.format(Locale.ROOT, "preprocess_s=%.3f parse_s=%.3f", (preprocessed - found) / 1e9,
                    (System.nanoTime() - preprocessed) / 1e9);
        }
        double total = (System.nanoTime() - start) / 1e9;
        // The built-in declarations every scope starts with are not the headers'.
        int builtIns = CScope.create(Abi.host()).declarations().size();
        return String.format(Locale.ROOT, "preprocessor=%s declarations=%d %s total_s=%.3f", builtin ? "builtin" : "cc",
                made[0].declarations().size() - builtIns, phases, total);
    }
}
