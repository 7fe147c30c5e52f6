package dev.isthmus.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the launcher's start-up cache for {@code isthmus bind}
 * ({@code -XX:AOTCacheOutput}; the inputs are in {@code aot-training/}): {@code bind} over the
 * headers given, into a temporary folder deleted afterwards, printing nothing. One of the
 * headers includes system headers, so that bind's built-in preprocessor reads real headers as
 * a user's run does. A failing bind makes the run fail, and the launcher then goes without the
 * cache.
 *
 * <pre>{@code java -cp ... dev.isthmus.codegen.BindTraining header.h...}</pre>
 */
public final class BindTraining {
    private BindTraining() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: BindTraining HEADER...");
            System.exit(2);
        }
        int status = run(Stream.of(args).map(Path::of).toList(), Path.of(System.getProperty("java.io.tmpdir")));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Binds {@code headers} into a temporary folder made in {@code temporary}, then deletes it; bind's exit status. */
    static int run(List<Path> headers, Path temporary) {
        Path output;
        try {
            output = Files.createTempDirectory(temporary, "isthmus-training");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> args = new ArrayList<>(List.of("bind", "--package", "dev.isthmus.training", "--output", output.toString()));
            headers.forEach(header -> args.add(header.toString()));
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            return IsthmusCli.execute(args.toArray(String[]::new), nowhere, nowhere, InputStream.nullInputStream());
        } finally {
            delete(output);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
