package dev.isthmus.cparser.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The host C compiler's system include directories, asked once per JVM with
 * {@code cc -xc -E -v /dev/null} (the lines between {@code #include <...> search starts
 * here:} and {@code End of search list.}). Without a compiler, the usual Debian
 * directories that exist.
 *
 * <p>Starting {@code cc} costs a tenth of a second or more, a good part of reading a header
 * from a cold JVM, so the answer is also kept in a file ({@link CompilerAnswerCache}) for the
 * next JVM, valid while the same compiler binary is found and the environment variables
 * that change its search list are the same.
 */
public final class SystemIncludes {
    private static List<Path> host;

    private SystemIncludes() {
    }

    public static synchronized List<Path> host() {
        if (host == null) {
            host = CompilerAnswerCache.standard().directories("system-includes", new Discovery());
        }
        return host;
    }

    /**
     * Asks the compiler: a class of its own rather than a method reference, whose class would
     * be spun at its first use, a few milliseconds of a cold start before the preprocessor can
     * begin.
     */
    private static final class Discovery implements Supplier<List<Path>> {
        @Override
        public List<Path> get() {
            return discover();
        }
    }

    private static List<Path> discover() {
        try {
            Process cc = new ProcessBuilder("cc", "-xc", "-E", "-v", "/dev/null").redirectErrorStream(true).start();
            cc.getOutputStream().close();
            String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (cc.waitFor(30, TimeUnit.SECONDS) && cc.exitValue() == 0) {
                List<Path> dirs = parse(output);
                if (!dirs.isEmpty()) {
                    return dirs;
                }
            }
        } catch (IOException e) {
            // No compiler: fall back to the usual directories.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Path> fallback = new ArrayList<>();
        for (String dir : List.of("/usr/local/include", "/usr/include/x86_64-linux-gnu", "/usr/include/aarch64-linux-gnu",
                "/usr/include")) {
            if (Files.isDirectory(Path.of(dir))) {
                fallback.add(Path.of(dir));
            }
        }
        return List.copyOf(fallback);
    }

    static List<Path> parse(String verboseOutput) {
        List<Path> dirs = new ArrayList<>();
        boolean inList = false;
        for (String line : verboseOutput.lines().toList()) {
            if (line.startsWith("#include <...> search starts here:")) {
                inList = true;
            } else if (line.startsWith("End of search list.")) {
                break;
            } else if (inList && line.startsWith(" ")) {
                dirs.add(Path.of(line.strip()));
            }
        }
        return List.copyOf(dirs);
    }
}
