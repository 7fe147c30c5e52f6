package dev.isthmus.bench.cparser;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times cparser over the preprocessed system header set: the first parse in a fresh JVM
 * (cold: class loading, ANTLR's DFA warm-up, no JIT) and the steady state after repeated
 * parses (warm). Prints one line per measurement, {@code key=value} fields, so the
 * {@code bench/run} script can put it next to pycparser's figures.
 *
 * <p>Arguments: an optional path to a preprocessed file to parse instead of running
 * {@code cc -E}, and {@code --seconds N} for the warm phase (default 10).
 */
public final class ParseThroughput {
    private ParseThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path input = null;
        double warmSeconds = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                warmSeconds = Double.parseDouble(args[++i]);
            } else {
                input = Path.of(args[i]);
            }
        }
        String text = input == null
                ? HeaderSet.preprocess(List.of())
                : Files.readString(input, StandardCharsets.ISO_8859_1);
        String name = input == null ? "system-headers" : input.getFileName().toString();
        double megabytes = text.getBytes(StandardCharsets.ISO_8859_1).length / 1e6;

        long start = System.nanoTime();
        int declarations = parseOnce(text, name);
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        report("cold", name, megabytes, declarations, coldSeconds);

        double[] samples = new double[4096];
        int count = 0;
        long deadline = System.nanoTime() + (long) (warmSeconds * 1e9);
        while ((System.nanoTime() < deadline || count < 5) && count < samples.length) {
            long t0 = System.nanoTime();
            parseOnce(text, name);
            samples[count++] = (System.nanoTime() - t0) / 1e9;
        }
        // The second half of the samples is the steady state; report its median.
        double[] steady = Arrays.copyOfRange(samples, count / 2, count);
        Arrays.sort(steady);
        report("warm", name, megabytes, declarations, steady[steady.length / 2]);
    }

    private static int parseOnce(String text, String name) {
        return CScope.create(Abi.host()).declare(text, name).size();
    }

    private static void report(String phase, String name, double megabytes, int declarations, double seconds) {
        System.out.printf(Locale.ROOT,
                "phase=%s input=%s bytes_mb=%.3f declarations=%d seconds=%.5f mb_per_s=%.2f decls_per_s=%.0f%n",
                phase, name, megabytes, declarations, seconds, megabytes / seconds, declarations / seconds);
    }
}
