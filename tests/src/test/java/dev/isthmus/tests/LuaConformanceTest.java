package dev.isthmus.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Lua conformance suite on Isthmus: every block of every script under {@code lua/<area>/}
 * runs alone in a fresh state in this JVM and must print exactly its {@code -- expect:} lines
 * ({@link ExpectationsMatchLuajitTest} keeps those lines equal to what LuaJIT prints), once
 * with the trace compiler off and once with it forced to compile every loop at its first
 * iteration: a trace must never change what a program prints.
 */
class LuaConformanceTest {
    @TestFactory
    Stream<DynamicTest> block_onTheInterpreter_printsItsExpectedLines() {
        return blocks(false);
    }

    @TestFactory
    Stream<DynamicTest> block_withEveryLoopCompiled_printsItsExpectedLines() {
        return blocks(true);
    }

    private static Stream<DynamicTest> blocks(boolean forced) {
        return ConformanceScripts.all().stream().flatMap(script -> script.script().blocks().stream()
                .map(block -> DynamicTest.dynamicTest(script.testName(block), () -> assertEquals(
                        block.expectedOutput(), IsthmusChunkRun.run(block.chunk(), script.script().fileName(), forced)))));
    }
}
