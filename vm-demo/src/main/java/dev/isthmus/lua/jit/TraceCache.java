package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CompiledLoop;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The traces of one Lua state that are installed at a loop instruction, and the bound on how
 * many there may be ({@code maxtrace}, LuaJIT's option, default 1000).
 *
 * <p>When a loop gets hot while {@code maxtrace} traces are installed, every trace is flushed
 * (the loop's recording is not started: it counts up again from zero, like every other loop).
 * That is LuaJIT's policy ({@code trace_start} finds no free trace number and calls
 * {@code lj_trace_flushall}); it is also the one that frees memory for sure here: a trace that
 * runs an inner loop holds that loop's trace as a constant ({@code LOOPCALL}), so evicting the
 * least recently used trace alone would keep it reachable from its outer traces, and a
 * program whose shapes keep changing would still grow. After a flush nothing refers to the
 * generated classes (hidden classes, defined without {@code STRONG}: jit-intrinsics'
 * {@code HiddenClasses}), and the collector unloads them.
 *
 * <p>The cache refers to prototypes weakly: a chunk that is no longer reachable takes its
 * traces with it without waiting for a flush, and they stop counting. A trace that its loop no
 * longer holds (replaced when stale, dropped by {@code jit.off(f)}) does not count either.
 */
final class TraceCache {
    /** LuaJIT's default {@code maxtrace}. */
    static final int DEFAULT_MAX_TRACE = 1000;
    /** LuaJIT numbers traces in 16 bits, so it keeps at most 65534 of them whatever {@code maxtrace} says. */
    private static final int LARGEST_MAX_TRACE = 65534;

    private final List<Entry> entries = new ArrayList<>();
    private int maxTrace = DEFAULT_MAX_TRACE;

    /** One installed trace: where, and its number, to tell it from a trace installed there later. */
    private record Entry(WeakReference<Prototype> proto, int pc, int number) {
        /** The prototype while the trace is still the one its loop enters, else null. */
        Prototype installedIn() {
            Prototype p = proto.get();
            return p != null && p.loopTraces()[pc] instanceof CompiledLoop trace && trace.number() == number ? p : null;
        }
    }

    /** {@code maxtrace=N}: values below 1 keep one trace, as LuaJIT's do. */
    void setMaxTrace(int value) {
        maxTrace = Math.clamp(value, 1, LARGEST_MAX_TRACE);
    }

    int maxTrace() {
        return maxTrace;
    }

    /** Notes trace {@code number}, just installed at {@code pc} of {@code p}. */
    void installed(Prototype p, int pc, int number) {
        entries.add(new Entry(new WeakReference<>(p), pc, number));
    }

    /** Whether {@code maxtrace} traces are installed, so a new one may not be recorded before a flush. */
    boolean isFull() {
        if (entries.size() < maxTrace) {
            return false;
        }
        // Forget the traces that are gone before counting; done only here, so it costs nothing until the bound is near.
        entries.removeIf(e -> e.installedIn() == null);
        return entries.size() >= maxTrace;
    }

    /** How many traces are installed (the garbage collector may already have taken some of them). */
    int liveCount() {
        entries.removeIf(e -> e.installedIn() == null);
        return entries.size();
    }

    /** Removes every installed trace; their loops count from zero again. Returns how many there were. */
    int flush() {
        int removed = 0;
        for (Entry e : entries) {
            Prototype p = e.installedIn();
            if (p != null) {
                p.loopTraces()[e.pc()] = null;
                p.loopCounts()[e.pc()] = 0;
                if (e.pc() == p.functionEntry()) {
                    DirectSites.install(p, null, null);
                }
                removed++;
            }
        }
        entries.clear();
        return removed;
    }
}
