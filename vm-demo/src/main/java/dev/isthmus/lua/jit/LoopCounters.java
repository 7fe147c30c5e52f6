package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Prototype;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * A count per loop instruction of every prototype (aborts, retries, retraces), which does not
 * keep prototypes alive: a program that loads chunk after chunk must not grow a table of
 * every chunk it ever ran.
 *
 * <p>The key is the prototype's {@code loopCounts} array, not the prototype: arrays compare by
 * identity, which a {@link WeakHashMap} needs, while {@link Prototype} is a record whose
 * {@code equals} and {@code hashCode} walk its code and constants. The array lives exactly
 * as long as its prototype (nothing else keeps it).
 */
final class LoopCounters {
    private final Map<int[], int[]> counts = new WeakHashMap<>();

    /** The counts of {@code p}'s instructions, indexed by pc, and of its entry ({@code functionEntry}); zero at first. */
    int[] of(Prototype p) {
        return counts.computeIfAbsent(p.loopCounts(), k -> new int[p.loopCounts().length]);
    }

    void clear() {
        counts.clear();
    }
}
