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
 * (builtin only: {@code cc -v}, asked once), preprocessing, parsing, and in all.
 *
 * <p>Run it in a new JVM per measurement ({@code bench/run preprocess} does); a second
 * run in the same JVM is no longer cold.
 */
public final class PreprocessCold {
    private PreprocessCold() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("builtin", "cc").contains(args[0])) {
            System.err.println("usage: PreprocessCold builtin|cc");
            System.exit(2);
        }
        boolean builtin = args[0].equals("builtin");
        long start = System.nanoTime();
        double includesSeconds = 0;
        String text;
        if (builtin) {
            SystemIncludes.host(); // asked once per JVM, then kept
            includesSeconds = (System.nanoTime() - start) / 1e9;
            text = CPreprocessor.create(PreprocessorOptions.host(Abi.host())).preprocess(HeaderSet.includeProgram(), "headers.c").text();
        } else {
            text = HeaderSet.preprocess(List.of());
        }
        long preprocessed = System.nanoTime();
        int declarations = CScope.create(Abi.host()).declare(text, "headers.c").size();
        long parsed = System.nanoTime();
        System.out.printf(Locale.ROOT, "preprocessor=%s declarations=%d includes_s=%.3f preprocess_s=%.3f parse_s=%.3f total_s=%.3f%n",
                args[0], declarations, includesSeconds, (preprocessed - start) / 1e9 - includesSeconds, (parsed - preprocessed) / 1e9,
                (parsed - start) / 1e9);
    }
}
