package dev.isthmus.lua.jit;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CompiledLoop;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The trace cache's bound ({@code maxtrace}) and flushes: a program that keeps making new code
 * keeps at most {@code maxtrace} traces installed, and the classes of flushed traces, or of
 * traces whose chunk is gone, are collected. (Collection is asked for with {@code System.gc()}
 * and retried a bounded number of times; nothing here depends on time.)
 */
class TraceCacheTest {
    private final LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    private final JitEngine engine = JitEngine.of(runtime);

    TraceCacheTest() {
        engine.setOption("hotloop=1");
    }

    /** A chunk whose loop, run once, gets a trace of its own (every chunk is a new prototype). */
    private LuaClosure runChunkWithHotLoop(int k) {
        LuaClosure chunk = runtime.load(("local s = 0 for i = 1, 12 do s = s + i * " + k + " end return s")
                .getBytes(StandardCharsets.UTF_8), "chunk" + k);
        Object[] results = chunk.call(new Object[0]);
        assertEquals(78.0 * k, ((Number) results[0]).doubleValue());
        return chunk;
    }

    /** The class of the trace installed in {@code chunk}'s loop, held weakly. */
    private static WeakReference<Class<?>> traceClassOf(LuaClosure chunk) {
        Prototype p = chunk.prototype();
        CompiledLoop trace = (CompiledLoop) Arrays.stream(p.loopTraces()).filter(t -> t instanceof CompiledLoop).findFirst()
                .orElseThrow(() -> new AssertionError("the chunk's loop has no trace"));
        Class<?> traceClass = trace.code().getClass();
        assertTrue(traceClass.isHidden(), traceClass::toString);
        return new WeakReference<>(traceClass);
    }

    /** Collects until {@code ref} is cleared, a bounded number of times. */
    private static void assertCollected(WeakReference<?> ref, String what) {
        for (int attempt = 0; attempt < 50; attempt++) {
            System.gc();
            if (ref.get() == null) {
                return;
            }
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[64 * 1024];
            }
            assertNotNull(garbage[garbage.length - 1]);
        }
        fail(what + " is still reachable after 50 collections");
    }

    @Test
    void flush_removesTheTraces_andTheirClassesAreCollected() {
        LuaClosure chunk = runChunkWithHotLoop(1);
        WeakReference<Class<?>> traceClass = traceClassOf(chunk);
        assertEquals(1, engine.liveTraces());

        engine.flush();

        assertEquals(0, engine.liveTraces());
        assertTrue(Arrays.stream(chunk.prototype().loopTraces()).allMatch(t -> t == null));
        assertCollected(traceClass, "a flushed trace's class, its chunk still alive,");
        runChunkWithHotLoop(1);
    }

    @Test
    void flush_freesTracesThatCallNativeFunctionsAndRunInnerLoops() {
        LuaClosure chunk = runtime.load("""
                local ffi = require("ffi")
                ffi.cdef("int abs(int x);")
                local s = 0
                for i = 1, 12 do
                  for j = 1, 12 do s = s + ffi.C.abs(-j) end
                  s = s + math.sqrt(i)
                end
                return s
                """.getBytes(StandardCharsets.UTF_8), "nested");
        chunk.call(new Object[0]);
        List<WeakReference<Class<?>>> traceClasses = Arrays.stream(chunk.prototype().loopTraces())
                .filter(t -> t instanceof CompiledLoop)
                .map(t -> new WeakReference<Class<?>>(((CompiledLoop) t).code().getClass()))
                .toList();
        assertEquals(2, traceClasses.size(), "the inner loop's trace and the outer one's, which runs it");

        engine.flush();

        for (WeakReference<Class<?>> traceClass : traceClasses) {
            assertCollected(traceClass, "a flushed trace's class (native call, inner loop)");
        }
    }

    @Test
    void aChunkNoLongerReachable_takesItsTraceWithIt() {
        WeakReference<Class<?>> traceClass = traceClassOf(runChunkWithHotLoop(2));
        assertCollected(traceClass, "the trace class of a chunk nothing refers to");
        assertEquals(0, engine.liveTraces());
    }

    @Test
    void aChunkWhoseLoopAborted_isNotKeptByTheCountsOfAborts() {
        List<WeakReference<Object>> proto = prototypeOfAbortingChunk();
        assertCollected(proto.get(0), "the prototype of a chunk whose loop aborted, nothing referring to the chunk,");
        assertCollected(proto.get(1), "the loop counts of that prototype (LoopCounters' key)");
    }

    /** The prototype and its loop counts, held weakly. */
    private List<WeakReference<Object>> prototypeOfAbortingChunk() {
        LuaClosure chunk = runtime.load("""
                local function count(...) return select('#', ...) end
                local s = 0
                for i = 1, 12 do s = s + count(i, i) end
                return s
                """.getBytes(StandardCharsets.UTF_8), "aborts");
        assertEquals(24.0, ((Number) chunk.call(new Object[0])[0]).doubleValue());
        assertTrue(Arrays.stream(chunk.prototype().loopTraces()).allMatch(t -> t == null), "a vararg call aborts the recording");
        return List.of(new WeakReference<>(chunk.prototype()), new WeakReference<>(chunk.prototype().loopCounts()));
    }

    @Test
    void thousandsOfTraces_neverMoreThanMaxtraceInstalled_andFlushedOnesAreCollected() {
        engine.setOption("maxtrace=16");
        List<LuaClosure> kept = new ArrayList<>();
        kept.add(runChunkWithHotLoop(1));
        WeakReference<Class<?>> first = traceClassOf(kept.getFirst());
        int mostInstalled = 0;
        for (int k = 2; k <= 2000; k++) {
            kept.add(runChunkWithHotLoop(k));
            mostInstalled = Math.max(mostInstalled, engine.liveTraces());
        }
        assertEquals(16, mostInstalled);
        // Every chunk is still reachable: only the flushes can have let the first trace go.
        assertCollected(first, "the first trace's class, flushed when the bound was reached,");
        assertEquals(2000, kept.size());
    }

    @Test
    void maxtraceBelowOne_keepsOneTrace() {
        engine.setOption("maxtrace=0");
        List<LuaClosure> kept = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            kept.add(runChunkWithHotLoop(k));
            assertTrue(engine.liveTraces() <= 1, () -> "installed: " + engine.liveTraces());
        }
        assertEquals(1, engine.liveTraces());
    }
}
