package dev.isthmus.cparser.preprocess;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers of the host C compiler kept in files between JVMs, so a cold start does not run
 * the compiler to learn what it said last time. Each file starts with the key it was made
 * under: the compiler binary {@code cc} resolves to (its real path, size and modification
 * time) and the environment variables that change its answers, so installing or switching
 * compilers makes it ask again. A file that cannot be read or written is no error: the
 * compiler is then asked as if there were no cache.
 *
 * <p>The files live in {@code $XDG_CACHE_HOME/isthmus} (or {@code ~/.cache/isthmus}), or in
 * the directory the system property {@code isthmus.cacheDir} names.
 */
final class CompilerAnswerCache {
    /** Variables GCC reads that change where it searches for headers. */
    private static final List<String> ENVIRONMENT = List.of("CPATH", "C_INCLUDE_PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH");

    private final Path directory;
    private final String key;

    CompilerAnswerCache(Path directory, String key) {
        this.directory = directory;
        this.key = key;
    }

    /** The cache for the compiler {@code cc} on the {@code PATH}; one that keeps nothing when there is none. */
    static CompilerAnswerCache standard() {
        String configured = System.getProperty("isthmus.cacheDir");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path directory = configured != null ? Path.of(configured)
                : xdg != null && !xdg.isEmpty() ? Path.of(xdg, "isthmus")
                : Path.of(System.getProperty("user.home"), ".cache", "isthmus");
        return new CompilerAnswerCache(directory, compilerKey());
    }

    /**
     * The directories kept under {@code name} when they were found under this key and all
     * still exist; otherwise those {@code ask} returns, which are kept for next time.
     */
    List<Path> directories(String name, Supplier<List<Path>> ask) {
        if (key == null) {
            return ask.get();
        }
        Path file = directory.resolve(name.concat(".txt"));
        List<Path> kept = read(file);
        if (kept != null) {
            return kept;
        }
        List<Path> answer = ask.get();
        write(file, answer);
        return answer;
    }

    /**
     * The directories kept in {@code file} under this key, or null. Read through
     * {@code java.io}, set up when the JVM starts, rather than NIO's channels, whose first use
     * loads native libraries and costs milliseconds of a cold start before the preprocessor can
     * begin (its own first header pays that on its thread, beside the parser's set-up).
     */
    private List<Path> read(Path file) {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            List<String> lines = lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (lines.size() < 2 || !lines.getFirst().equals(key)) {
                return null;
            }
            List<Path> dirs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!new File(line).isDirectory()) {
                    return null;
                }
                dirs.add(Path.of(line));
            }
            return List.copyOf(dirs);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The lines of a text, split by hand: {@code Files.readAllLines}'s reader and decoder, or a
     * stream, cost milliseconds to set up in a cold JVM, and this is read before the
     * preprocessor can start.
     */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        return lines;
    }

    private void write(Path file, List<Path> dirs) {
        if (dirs.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(key).append('\n');
        dirs.forEach(dir -> text.append(dir).append('\n'));
        try {
            Files.createDirectories(directory);
            // Written aside and moved in whole, so a JVM starting meanwhile never reads half a file.
            Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Not kept: the next JVM asks the compiler again.
        }
    }

    /** What identifies the compiler's answers, or null when no {@code cc} is on the {@code PATH}. */
    private static String compilerKey() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        // java.io, as in read(): this is asked before anything else can start.
        for (String dir : path.split(File.pathSeparator)) {
            File cc = new File(dir.isEmpty() ? "." : dir, "cc");
            if (cc.canExecute()) {
                try {
                    File real = cc.getCanonicalFile();
                    StringBuilder key = new StringBuilder("cc=").append(real).append(" size=").append(real.length())
                            .append(" modified=").append(real.lastModified());
                    for (String variable : ENVIRONMENT) {
                        String value = System.getenv(variable);
                        key.append(' ').append(variable).append('=').append(value == null ? "" : value);
                    }
                    return key.toString();
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
