package dev.isthmus.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code isthmus} launcher script itself, run as a user runs it, on commands that build
 * nothing (the test run is a build already).
 */
class LauncherScriptTest {
    /** The checkout: surefire runs in the tests module's folder. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private record Outcome(int status, String stdout, String stderr) {
    }

    private static Outcome launch(Path launcher, Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("isthmus-launcher", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
            return new Outcome(process.exitValue(), stdout, Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    void version_throughASymlinkElsewhere_findsTheCheckoutAndNamesTheJdk(@TempDir Path elsewhere) throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("isthmus"), ROOT.resolve("isthmus"));
        Outcome outcome = launch(link, elsewhere, "--version");
        assertEquals(0, outcome.status(), outcome.stderr());
        assertTrue(outcome.stdout().matches("isthmus \\d+\\.\\d+\\.\\d+\\S* \\(Java \\d+, /.+\\)\\n"), outcome.stdout());
        int java = Integer.parseInt(outcome.stdout().replaceAll("(?s).*\\(Java (\\d+),.*", "$1"));
        assertTrue(java >= 25, outcome.stdout());
        assertFalse(Files.exists(elsewhere.resolve(".isthmus-build")), "a build folder beside the link");
        Files.delete(link);
    }

    @Test
    void bench_withoutAName_printsTheListAndFails() throws Exception {
        Outcome outcome = launch(ROOT.resolve("isthmus"), ROOT, "bench");
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().contains("usage: isthmus bench <name>"), outcome.stderr());
    }

    @Test
    void unknownCommand_printsTheUsageAndFails() throws Exception {
        Outcome outcome = launch(ROOT.resolve("isthmus"), ROOT, "frobnicate");
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().startsWith("isthmus: unknown command 'frobnicate'\nusage: isthmus <command>"), outcome.stderr());
    }
}
