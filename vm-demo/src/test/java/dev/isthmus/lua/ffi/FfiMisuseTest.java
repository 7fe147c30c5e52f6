package dev.isthmus.lua.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No script crashes the JVM (issue #10): {@code misuse.lua} calls every ffi API function and
 * cdata operation with every combination of one or two wrong, freed, NULL and wild arguments,
 * and a seeded sample of three, each under pcall, in a JVM of its own, so that a crash is
 * seen here instead of ending the test JVM. The run fails if the JVM writes a crash log or
 * dies, or if an error escapes a pcall (the script then ends before its "done" line).
 */
class FfiMisuseTest {
    @Test
    void everyMisuseOfTheFfiApi_endsInAnErrorPcallCatches(@TempDir Path dir) throws IOException, InterruptedException {
        try (InputStream script = FfiMisuseTest.class.getResourceAsStream("misuse.lua")) {
            Files.copy(script, dir.resolve("misuse.lua"));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-XX:-CreateCoredumpOnCrash",
                "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.isthmus.lua.cli.LuaLauncher", "misuse.lua"))
                .directory(dir.toFile());
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String output = read(process.getInputStream());
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the Lua JVM did not finish");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> crashLogs = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err")).toList();
            assertEquals(List.of(), crashLogs, "the JVM crashed:\n" + errors.join());
        }
        assertEquals("", errors.join(), "standard error");
        assertEquals(0, process.exitValue(), output);
        String[] done = output.strip().split("\t");
        assertEquals("done", done[0], output);
        int calls = Integer.parseInt(done[1]);
        int failures = Integer.parseInt(done[2]);
        assertTrue(calls > 50_000, "calls made: " + calls);
        assertTrue(failures > calls / 2 && failures < calls, "calls that failed: " + failures + " of " + calls);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
