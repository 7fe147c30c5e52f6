package dev.isthmus.lua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's {@code luajit}, run as the reference for what a script prints. Missing luajit is
 * a failure that says how to install it (CI installs it), never a silent pass.
 */
public final class LuajitOracle {
    private LuajitOracle() {
    }

    /** The output of running {@code script} (a file name inside {@code directory}) with luajit there. */
    public static String run(Path directory, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(executable(), script).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().put("ISTHMUS_TEST_LIB", testLibrary());
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("luajit did not finish " + script + " within 60 s");
        }
        return new String(output, StandardCharsets.ISO_8859_1);
    }

    public static String executable() {
        for (String candidate : new String[] {"/usr/bin/luajit", "/usr/local/bin/luajit"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return fail("luajit is the oracle for Lua semantics and is not installed: apt-get install luajit (.ci/run does)");
    }

    /** native-test-libs' shared library, which test scripts load through ISTHMUS_TEST_LIB. */
    public static String testLibrary() {
        String dir = System.getProperty("isthmus.testlibs");
        return dir == null ? "" : Path.of(dir, "libisthmustest.so").toString();
    }
}
