package dev.isthmus.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one chunk with Debian's {@code luajit}, in a process of its own (so every block has a
 * fresh state, ffi declarations included), from a file named like its script in a temporary
 * directory. The chunk is loaded and called under {@code pcall} by a driver given with
 * {@code -e}, which prints an uncaught error as {@code error: <message>} on standard output.
 * Missing luajit is a failure that says how to install it, never a silent pass.
 */
final class LuajitChunkRun {
    // luajit -e runs the driver with no script, so the chunk's file name reaches it through
    // the environment rather than through arg.
    private static final String DRIVER = "local f, e = loadfile(os.getenv('ISTHMUS_CHUNK')) "
            + "if not f then print('error: ' .. e) return end "
            + "local ok, err = pcall(f) "
            + "if not ok then print('error: ' .. tostring(err)) end";

    private LuajitChunkRun() {
    }

    static String run(String chunk, String chunkName) {
        return run(chunk, chunkName, List.of());
    }

    /** Runs the chunk with {@code options} given to luajit before the driver ({@code -joff}). */
    static String run(String chunk, String chunkName, List<String> options) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("isthmus-luajit");
            Files.writeString(directory.resolve(chunkName), chunk, StandardCharsets.ISO_8859_1);
            return runIn(directory, chunkName, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while luajit ran " + chunkName, e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private static String runIn(Path directory, String chunkName, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(options);
        command.add("-e");
        command.add(DRIVER);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        pb.environment().put("ISTHMUS_CHUNK", chunkName);
        pb.environment().put("ISTHMUS_TEST_LIB", testLibrary());
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("luajit did not finish " + chunkName + " within 20 s");
        }
        return new String(output, StandardCharsets.ISO_8859_1);
    }

    static String executable() {
        for (String candidate : new String[] {"/usr/bin/luajit", "/usr/local/bin/luajit"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return fail("luajit is the oracle for the conformance expectations and is not installed: "
                + "apt-get install luajit (.ci/run does)");
    }

    /** native-test-libs' shared library, which ffi blocks load through ISTHMUS_TEST_LIB. */
    private static String testLibrary() {
        String dir = System.getProperty("isthmus.testlibs");
        return dir == null ? "" : Path.of(dir, "libisthmustest.so").toString();
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the result is what matters.
        }
    }
}
