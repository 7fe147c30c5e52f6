package dev.isthmus.lua.lib;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The JVM heap in use, as {@code collectgarbage("count")} and {@code gcinfo} report Lua's
 * memory: what the last collection left, plus what every thread has allocated since.
 *
 * <p>Lua's count is the memory its allocator holds, garbage not yet swept included, and so
 * is this: the collection's result is the live data, and allocations since are counted
 * whether they are still reachable or not. It is measured with the JVM's per-thread
 * allocation counters, exact to the byte, and not as {@code totalMemory() - freeMemory()}:
 * that figure moves in whole thread-local allocation buffers (about 2 MB each on this
 * machine), so a loop allocating a few hundred kilobytes showed as megabytes, or as nothing.
 * It does not count native memory (cdata storage) or the JVM's own non-heap areas.
 */
final class HeapInUse {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    /** The heap's bytes after a collection and the allocation counter's value then, replaced together. */
    private record Baseline(long liveBytes, long allocatedBytes) {
    }

    private static volatile Baseline baseline =
            new Baseline(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), allocatedSoFar());

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(HeapInUse::collected, null, null);
            }
        }
    }

    private HeapInUse() {
    }

    /** Bytes in use now: the last collection's live data and everything allocated since. */
    static long bytes() {
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            // Without the counters (turned off through the management API), the coarse figure.
            Runtime jvm = Runtime.getRuntime();
            return jvm.totalMemory() - jvm.freeMemory();
        }
        Baseline b = baseline;
        return b.liveBytes() + Math.max(0, allocatedSoFar() - b.allocatedBytes());
    }

    private static long allocatedSoFar() {
        return THREADS.isThreadAllocatedMemoryEnabled() ? THREADS.getTotalThreadAllocatedBytes() : 0;
    }

    /** After each collection (the notification comes from the JVM's service thread). */
    private static void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        baseline = new Baseline(live, allocatedSoFar());
    }
}
