package dev.isthmus.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The conformance suite's expectations are LuaJIT's output: every block, run alone by Debian's
 * {@code luajit}, must print exactly its {@code -- expect:} lines. The luajit processes start
 * together on a small pool when the tests are created, so the suite waits for them about once.
 */
class ExpectationsMatchLuajitTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> block_onLuajit_printsItsExpectedLines() {
        record Pending(String name, LuaBlockScript.Block block, CompletableFuture<String> output) {
        }
        List<Pending> pending = ConformanceScripts.all().stream()
                .flatMap(script -> script.script().blocks().stream().map(block -> new Pending(
                        script.testName(block), block,
                        CompletableFuture.supplyAsync(
                                () -> LuajitChunkRun.run(block.chunk(), script.script().fileName(), block.luajitOptions()), POOL))))
                .toList();
        return pending.stream().map(p -> DynamicTest.dynamicTest(p.name(),
                () -> assertEquals(p.block().expectedOutput(), outputOf(p.output()))));
    }

    /** The finished run's output; a failure inside the run (luajit missing) is rethrown as it was. */
    private static String outputOf(CompletableFuture<String> run) throws Throwable {
        try {
            return run.join();
        } catch (CompletionException e) {
            throw e.getCause();
        }
    }
}
