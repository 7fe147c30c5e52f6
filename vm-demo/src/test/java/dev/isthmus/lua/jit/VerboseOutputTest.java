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
        // No side traces: the break's exit stays an exit.
        List<String> lines = verboseLines(BREAKING_INNER_LOOP, "tryside=0");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:5 loop, recorded in \\d+\\.\\d\\d ms, compiled in \\d+\\.\\d\\d ms]")), lines::toString);
        List<String> exits = lines.stream().filter(l -> l.contains(" exit ") && l.contains(" to v:6,")).toList();
        assertEquals(List.of("taken 1 time]", "taken 10 times]", "taken 100 times]"),
                exits.stream().map(l -> l.substring(l.indexOf("taken"))).toList(), lines::toString);
    }

    private static final String BREAKING_INNER_LOOP = """
            local t = {}
            for i = 1, 20 do t[i] = i end
            local s = 0
            for r = 1, 150 do
              for i = 1, 20 do
                if i > 5 then break end
                s = s + t[i]
              end
            end
            """;

    @Test
    void anOuterLoopsTrace_runsTheInnerTreeAsItGrew() {
        // The outer loop's trace was compiled before the inner tree grew its side trace at the
        // break; it runs the grown tree since, so that exit is not taken a hundred times.
        List<String> lines = verboseLines(BREAKING_INNER_LOOP);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:6 side of \\d+/\\d+, .*")), lines::toString);
        List<String> exits = lines.stream().filter(l -> l.contains(" exit ") && l.contains(" to v:6,")).toList();
        assertEquals(List.of("taken 1 time]", "taken 10 times]"), exits.stream().map(l -> l.substring(l.indexOf("taken"))).toList(),
                lines::toString);
    }

    @Test
    void aSideTraceAcrossALongInnerLoop_isRecorded_whileTheInnerLoopsTraceRunsIt() {
        // Each inner run is longer than a recording may step through instruction by instruction.
        List<String> lines = verboseLines("""
                local n = 0
                for i = 1, 30 do
                  if i % 3 == 0 then
                    for j = 1, 100000 do n = n + j % 7 end
                  end
                end
                print(n)
                """);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:4 side of \\d+/\\d+, .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("too long")), lines::toString);
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
        // No loop around it in its function: the recording cannot go round one back to its own.
        List<String> lines = verboseLines("""
                local n = 0
                local function f()
                  for i = 1, 20 do
                    if i >= 1 then break end
                    n = n + 1
                  end
                end
                for r = 1, 60 do f() end
                """);
        long retries = lines.stream().filter("[TRACE --- v:3 -- loop left at v:3, recording the next iteration]"::equals).count();
        assertEquals(32, retries, lines::toString);
        assertTrue(lines.contains("[TRACE --- v:3 -- loop left at v:3]"), lines::toString);
    }

    @Test
    void aRecordingThatBreaksOutOfItsLoopInsideAnother_goesRoundTheOuterLoop_backToItsOwn() {
        List<String> lines = verboseLines("""
                local n = 0
                for r = 1, 60 do
                  for i = 1, 20 do
                    if i >= 1 then break end
                    n = n + 1
                  end
                end
                """);
        // Retried on the next iteration first, as any recording that leaves its loop; then round.
        long retries = lines.stream().filter("[TRACE --- v:3 -- loop left at v:3, recording the next iteration]"::equals).count();
        assertEquals(32, retries, lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 loop, .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.equals("[TRACE --- v:3 -- loop left at v:3]")), lines::toString);
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
    void aSideTraceGoingRoundAnOuterLoop_endsWhereItMeetsThatLoopAgain_insteadOfUnrollingIt() {
        // The exit at the end of the k loop's tree goes round the j loop, whose i loop runs by its
        // own trace (which runs the k loop's): the side trace never comes back to its root's loop
        // instruction, and recorded every j iteration to the end of the loop (16 KB of bytecode in
        // seven methods); it now ends at the j loop's second round. (LuaJIT's hotloop, for the
        // order in which the loops get their traces.)
        List<String> lines = verboseLines("""
                local function eliminate(a, n)
                  for j = 1, n - 1 do
                    local rowj = a[j]
                    for i = j + 1, n do
                      local rowi = a[i]
                      local f = rowi[j] / rowj[j]
                      for k = j + 1, n do rowi[k] = rowi[k] - f * rowj[k] end
                    end
                  end
                end
                for r = 1, 30 do
                  local a = {}
                  for i = 1, 40 do a[i] = {} for k = 1, 40 do a[i][k] = i == k and 40 or 1 / (i + k) end end
                  eliminate(a, 40)
                end
                """, "hotloop=56");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:2 side of \\d+/\\d+, recorded in .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("methods of its own")), lines::toString);
    }

    /** (The exit is hot after more entries than make a trace stale: counted, it made the trace stale first.) */
    @Test
    void aBranchThePreRollTookOneWayAndEntriesTakeTheOther_growsASideTrace_notARecordingAgain() {
        List<String> lines = verboseLines("""
                local function f(n, flip)
                  local s = 0
                  for i = 1, n do if flip then s = s + i else s = s - 1 end end
                  return s
                end
                local a = 0
                for r = 1, 60 do a = a + f(30, r > 3) end
                """, "hotexit=20");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 side of 1/\\d+, recorded in .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("stale")), lines::toString);
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

    /** A loop whose branches each read and write table fields: more side traces than one method of the tree has room for. */
    private static String branchesOverTableFields(int branches) {
        StringBuilder script = new StringBuilder("local t = {a = 1, b = 2, c = 3}\nlocal s = 0\nfor i = 1, 400 do\n  local k = i % " + branches + "\n");
        for (int k = 0; k < branches; k++) {
            script.append(k == 0 ? "  if" : "  elseif").append(" k == ").append(k).append(" then t.a = (t.b + i * ").append(k)
                    .append(") % 97; t.b = t.c - t.a; t.c = t.a % 17; s = s + t.b\n");
        }
        return script.append("  end\nend\n").toString();
    }

    @Test
    void aSideTraceTheTreesMethodHasNoRoomFor_isAMethodOfItsOwn() {
        List<String> lines = verboseLines(branchesOverTableFields(16), "hotexit=1");
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "\\[TRACE +\\d+ v:\\d+ side of 1/\\d+ in a method of its own \\(tree full, (at least )?\\d+ bytes of bytecode, over 5300\\), recorded in .*")),
                lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("stays an exit")), lines::toString);
    }

    @Test
    void aSideMethodStoringAtTheLoopsIntegerIndex_isCompiled_withTheIndexAsAParameter() {
        // Sixteen branches, each a side trace: enough to fill the tree's method.
        StringBuilder script = new StringBuilder("local buf, t = {}, {a = 1, b = 2, c = 3}\nfor j = 1, 400 do\n  local k = j % 16\n");
        for (int k = 0; k < 16; k++) {
            String field = "abc".substring(k % 3, k % 3 + 1);
            script.append(k == 0 ? "  if" : "  elseif").append(" k == ").append(k).append(" then t.").append(field).append(" = (t.")
                    .append("abc".charAt((k + 1) % 3)).append(" + j * ").append(k).append(") % ").append(97 - k).append("; buf[j] = t.")
                    .append(field).append('\n');
        }
        List<String> lines = verboseLines(script.append("  end\nend\n").toString(), "hotexit=1");
        assertTrue(lines.stream().anyMatch(l -> l.contains(" in a method of its own ")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.matches("\\[TRACE --- v:\\d+ side of .*")), lines::toString);
    }

    @Test
    void aSideTraceTooLargeForOneMethod_isCutIntoSeveral() {
        String body = "    t.a = t.b + i; t.b = t.c - t.a; t.c = t.a % 17\n".repeat(30);
        List<String> lines = verboseLines("local t = {a = 1, b = 2, c = 3}\nlocal s = 0\nfor i = 1, 40 do\n  if i % 2 == 1 then\n    s = s + 1\n  else\n"
                + body + "  end\nend\n", "hotexit=1");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +2 v:7 side of 1/\\d+ in \\d+ methods of its own \\(tree full, .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("stays an exit")), lines::toString);
    }

    /** 130 values live across a side trace: more than a JVM method takes as arguments; those past C2's bound go in fields. */
    @Test
    void aSideTraceUsingMoreValuesThanAMethodTakes_isCompiled_theRestPassedInFields() {
        StringBuilder script = new StringBuilder();
        for (int v = 0; v < 130; v++) {
            script.append("local v").append(v).append(" = 0\n");
        }
        script.append("for i = 1, 40 do\n");
        for (int v = 0; v < 130; v++) {
            script.append("  v").append(v).append(" = v").append(v).append(" + i\n");
        }
        script.append("  if i % 2 == 0 then v0 = v0 + 1 end\nend\n");
        List<String> lines = verboseLines(script.toString(), "hotexit=1");
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +2 v:\\d+ side of 1/\\d+ in (a method|\\d+ methods) of its own \\(tree full, .*")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("stays an exit")), lines::toString);
    }

    @Test
    void aHotExitOfTheFunctionCalledBeforeTheLoop_recordsTheLoopAgain_forTheNewFunction() {
        List<String> lines = verboseLines(SUM_OF_SQUARES_THEN_CUBES);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 stale: calls another function or ctype before its loop, recording again]")),
                lines::toString);
        assertEquals(2, lines.stream().filter(l -> l.matches("\\[TRACE +\\d+ v:3 loop, .*")).count(), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("side of")), lines::toString);
    }

    /**
     * {@code s = add(s, i)} is carried as an int while s is small (a sum of the loop's index); past 2^31 the root's entry guard
     * fails on every iteration, and a side trace linking back would take it each time: the
     * loop is recorded again instead, carrying s as a number.
     */
    @Test
    void anAccumulatorGrownPastTheIntRange_recordsTheLoopAgain_asANumber() {
        List<String> lines = verboseLines("""
                local function add(x, y) return x + y end
                local s = 0
                for i = 1, 200000 do s = add(s, i) end
                print(s)
                """);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:3 stale: a number it carries as an int is no longer one, recording again]")),
                lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("side of")), lines::toString);
    }

    /** A function making its class and object at each call: the root's guard on the object's metatable fails before the loop at the next call. */
    @Test
    void anObjectOfANewClassAtEachRun_recordsTheLoopAgain() {
        List<String> lines = verboseLines("""
                local function run(n, k)
                  local o = setmetatable({v = 1}, {__index = {get = function(self) return self.v * k end}})
                  local s = 0
                  for i = 1, n do s = s + o:get() end
                  return s
                end
                for k = 1, 30 do run(100, k) end
                """);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[TRACE +\\d+ v:4 stale: an object it reads before its loop has another metatable, recording again]")),
                lines::toString);
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
