package dev.isthmus.lua.jit;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code -jv} reports: traces compiled with their recording and compile times, aborts with reasons, exits as they are taken. */
class VerboseOutputTest {
    private static List<String> verboseLines(String script, String... options) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        JitEngine engine = JitEngine.of(runtime);
        engine.setVerbose(true);
        engine.setOption("hotloop=1");
        for (String option : options) {
            engine.setOption(option);
        }
        runtime.load(script.getBytes(StandardCharsets.UTF_8), "v").call(new Object[0]);
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anExitTakenRepeatedly_isReportedTheFirstTimeAndAtEachPowerOfTen() {
        List<String> lines = verboseLines("""
                local t = {}
                for i = 1, 20 do t[i] = i end
                local s = 0
                for r = 1, 150 do
                  for i = 1, 20 do
                    if i > 5 then break end
                    s = s + t[i]
                  end
                end
                """);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:5 loop, recorded in \\d+\\.\\d\\d ms, compiled in \\d+\\.\\d\\d ms]")), lines::toString);
        List<String> exits = lines.stream().filter(l -> l.contains(" exit ") && l.contains(" to v:6,")).toList();
        assertEquals(List.of("taken 1 time]", "taken 10 times]", "taken 100 times]"),
                exits.stream().map(l -> l.substring(l.indexOf("taken"))).toList(), lines::toString);
    }

    @Test
    void anAbortedRecording_namesItsReasonAndWhere() {
        List<String> lines = verboseLines("""
                local function count(...) return select('#', ...) end
                local s = 0
                for i = 1, 10 do s = s + count(i, i) end
                """);
        assertTrue(lines.contains("[TRACE --- v:3 -- NYI: call to a vararg function at v:3]"), lines::toString);
    }

    @Test
    void aRecordingThatBreaksOutOfItsLoop_isRetriedOnTheNextIteration_thenCountsAsAnAbort() {
        List<String> lines = verboseLines("""
                local n = 0
                for r = 1, 60 do
                  for i = 1, 20 do
                    if i >= 1 then break end
                    n = n + 1
                  end
                end
                """);
        long retries = lines.stream().filter("[TRACE --- v:3 -- loop left at v:3, recording the next iteration]"::equals).count();
        assertEquals(32, retries, lines::toString);
        assertTrue(lines.contains("[TRACE --- v:3 -- loop left at v:3]"), lines::toString);
    }

    private static final String SUM_OF_SQUARES_THEN_CUBES = """
            local function sum(f, n)
              local s = 0
              for i = 1, n do s = s + f(i) end
              return s
            end
            local function square(x) return x * x end
            local function cube(x) return x * x * x end
            local a = 0
            for r = 1, 40 do a = a + sum(square, 3) end
            for r = 1, 40 do a = a + sum(cube, 3) end
            """;

    @Test
    void aTraceThatKeepsLeavingBeforeItsLoop_isRecordedAgain_forWhatTheLoopDoesNow() {
        List<String> lines = verboseLines(SUM_OF_SQUARES_THEN_CUBES, "tryside=0");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 stale: left before its loop 16 times in a row, recording again]")),
                lines::toString);
        assertEquals(2, lines.stream().filter(l -> l.matches("\\[TRACE +\\d+ v:3 loop, .*")).count(), lines::toString);
    }

    @Test
    void anExitToTheFunctionsReturn_growsNoSideTrace() {
        List<String> lines = verboseLines("""
                local function sum(n)
                  local s = 0
                  for i = 1, n do s = s + i end
                  return s
                end
                for r = 1, 40 do sum(3) end
                """, "hotexit=1");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +1 v:3 loop, .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("side of")), lines::toString);
    }

    @Test
    void aHotExit_growsASideTrace_thatLinksBackToItsLoop_insteadOfARecordingAgain() {
        List<String> lines = verboseLines("""
                local function sum(n)
                  local s = 0
                  for i = 1, n do if i % 3 == 0 then s = s + i else s = s - 1 end end
                  return s
                end
                local a = 0
                for r = 1, 40 do a = a + sum(30) end
                """);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 side of 1/\\d+, recorded in .*")), lines::toString);
        assertEquals(1, lines.stream().filter(l -> l.matches("\\[TRACE +\\d+ v:3 loop, .*")).count(), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("stale")), lines::toString);
    }

    @Test
    void aHotExitOfTheFunctionCalledBeforeTheLoop_recordsTheLoopAgain_forTheNewFunction() {
        List<String> lines = verboseLines(SUM_OF_SQUARES_THEN_CUBES);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 stale: calls another function or ctype before its loop, recording again]")),
                lines::toString);
        assertEquals(2, lines.stream().filter(l -> l.matches("\\[TRACE +\\d+ v:3 loop, .*")).count(), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("side of")), lines::toString);
    }

    @Test
    void theFirstCompiledTrace_saysHowLongAfterTheJvmStartedItCame() {
        List<String> lines = verboseLines("""
                local s = 0
                for i = 1, 10 do s = s + i end
                for i = 1, 10 do s = s + i end
                """);
        assertEquals(1, lines.stream().filter(l -> l.matches("\\[TRACE first trace compiled \\d+ ms after the JVM started]")).count(),
                lines::toString);
    }

    @Test
    void reachingMaxtrace_flushesEveryTrace_andSaysSo() {
        List<String> lines = verboseLines("""
                jit.opt.start("maxtrace=2")
                local s = 0
                for i = 1, 10 do s = s + i end
                for i = 1, 10 do s = s + i end
                for i = 1, 10 do s = s + i end
                jit.flush()
                """);
        assertEquals(List.of("[TRACE flush: 2 traces installed, maxtrace=2]", "[TRACE flush]"),
                lines.stream().filter(l -> l.startsWith("[TRACE flush")).toList(), lines::toString);
        assertEquals(3, lines.stream().filter(l -> l.matches("\\[TRACE +\\d+ v:\\d loop, .*")).count(), lines::toString);
    }
}
