package dev.isthmus.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return launch(launcher, directory, Map.of(), args);
    }

    private static Outcome launch(Path launcher, Path directory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("isthmus-launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().putAll(environment);
            Process process = builder.redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
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

    /**
     * The start-up cache ({@code -XX:AOTCache}) is an optimisation only: {@code run} still
     * prints what it should, and the JVM says nothing, when the cache file is garbage, when it
     * was made for other jars, and when it is gone. The launcher keeps its state in a folder
     * of the test's ({@code ISTHMUS_BUILD_DIR}), whose build stamp says vm-demo is built (the
     * test run built it), so the checkout's cache and build lock are left alone.
     */
    @Test
    void run_withACorruptForeignOrMissingStartUpCache_stillRuns(@TempDir Path state) throws Exception {
        Files.writeString(state.resolve("stamp.vm-demo"), "");
        Map<String, String> environment = Map.of("ISTHMUS_BUILD_DIR", state.toString());
        Path cache = state.resolve("vm-demo.aot");
        Path key = state.resolve("vm-demo.aot.key");

        Outcome first = launch(ROOT.resolve("isthmus"), ROOT, environment, "run", "-e", "print(1)");
        assertEquals(new Outcome(0, "1\n", "isthmus: preparing the start-up cache (once per build)...\n"), first);
        assertTrue(Files.size(cache) > 1_000_000, "no start-up cache was made");
        String madeFor = Files.readString(key);

        // Garbage where the cache was, its key still fresh: the JVM must ignore it, silently.
        Files.write(cache, "not an AOT cache".repeat(1000).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(new Outcome(0, "1\n", ""), launch(ROOT.resolve("isthmus"), ROOT, environment, "run", "-e", "print(1)"));

        // A cache made for other jars: the launcher makes it again.
        Files.writeString(key, madeFor.replace(".jar", "-other.jar"));
        Outcome remade = launch(ROOT.resolve("isthmus"), ROOT, environment, "run", "-e", "print(1)");
        assertEquals(new Outcome(0, "1\n", "isthmus: preparing the start-up cache (once per build)...\n"), remade);
        assertEquals(madeFor, Files.readString(key));
        assertTrue(Files.size(cache) > 1_000_000, "the start-up cache was not made again");

        // No cache at all, the key still fresh: the JVM runs without one.
        Files.delete(cache);
        assertEquals(new Outcome(0, "1\n", ""), launch(ROOT.resolve("isthmus"), ROOT, environment, "run", "-e", "print(1)"));
    }

    /**
     * {@code cdecl} and {@code bind} each make a start-up cache of their own, by their own
     * training run, on their first use after a build, and use it from then on.
     */
    @Test
    void cdeclAndBind_eachMakeTheirOwnStartUpCache(@TempDir Path state, @TempDir Path output) throws Exception {
        Files.writeString(state.resolve("stamp.codegen-cli"), "");
        Map<String, String> environment = Map.of("ISTHMUS_BUILD_DIR", state.toString());
        String preparing = "isthmus: preparing the start-up cache (once per build)...\n";
        String header = ROOT.resolve("aot-training/codegen-cli.h").toString();

        Outcome cdecl = launch(ROOT.resolve("isthmus"), ROOT, environment, "cdecl", header);
        assertEquals(0, cdecl.status(), cdecl.stderr());
        assertEquals(preparing, cdecl.stderr());
        assertTrue(cdecl.stdout().contains("struct record"), cdecl.stdout());
        assertTrue(Files.size(state.resolve("cdecl.aot")) > 1_000_000, "no start-up cache for cdecl");
        assertFalse(Files.exists(state.resolve("bind.aot")), "bind's cache made for cdecl");

        String[] bind = {"bind", "--package", "org.example.training", "--output", output.toString(), header};
        Outcome first = launch(ROOT.resolve("isthmus"), ROOT, environment, bind);
        assertEquals(new Outcome(0, first.stdout(), preparing), first);
        assertTrue(first.stdout().startsWith("isthmus bind: wrote "), first.stdout());
        assertTrue(Files.size(state.resolve("bind.aot")) > 1_000_000, "no start-up cache for bind");

        Outcome again = launch(ROOT.resolve("isthmus"), ROOT, environment, bind);
        assertEquals(new Outcome(0, first.stdout(), ""), again);
    }

    /**
     * Standard output to a pipe is buffered as C's stdio buffers luajit's, not written a line
     * at a time: every byte still arrives, in order, however the script ends (at its end, by
     * {@code os.exit}, by an error), with print, io.write and io.stdout:write mixed and
     * {@code setvbuf} switching buffering off and on. luajit's standard output and exit status
     * are the oracle.
     */
    @Test
    void run_toAPipe_buffersYetLosesNothingHoweverTheScriptEnds(@TempDir Path scripts, @TempDir Path state) throws Exception {
        // The launcher's state in a folder of the test's, as above: the checkout's build lock is the test run's.
        Files.writeString(state.resolve("stamp.vm-demo"), "");
        Map<String, String> environment = Map.of("ISTHMUS_BUILD_DIR", state.toString());
        String body = """
                for i = 1, 20000 do
                  if i % 3 == 0 then print(i, "print") elseif i % 3 == 1 then io.write(i, " write\\n")
                  else io.stdout:write(i, " method\\n") end
                  if i == 5000 then io.stdout:setvbuf("no") elseif i == 6000 then io.stdout:setvbuf("full") end
                end
                """;
        Map<String, String> endings = Map.of("end.lua", body, "exit.lua", body + "os.exit(3)\n",
                "error.lua", body + "error('stop')\n", "flushed.lua", body + "io.stdout:flush() os.exit(true)\n");
        for (Map.Entry<String, String> ending : endings.entrySet()) {
            Path script = scripts.resolve(ending.getKey());
            Files.writeString(script, ending.getValue());
            Outcome isthmus = launch(ROOT.resolve("isthmus"), ROOT, environment, "run", script.toString());
            Outcome luajit = launch(Path.of(LuajitChunkRun.executable()), ROOT, script.toString());
            assertEquals(luajit.status(), isthmus.status(), ending.getKey() + ": " + isthmus.stderr());
            assertTrue(isthmus.stdout().length() > 200_000, ending.getKey());
            assertEquals(luajit.stdout(), isthmus.stdout(), ending.getKey());
        }
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
