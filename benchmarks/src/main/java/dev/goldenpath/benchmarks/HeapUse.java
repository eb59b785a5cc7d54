package dev.goldenpath.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a measured stretch of code uses, two ways, from the JVM's own management beans:
 * <ul>
 *   <li><b>peak</b>: the sum of the heap pools' peak usage since {@link #start()} (which collects garbage first and
 *       resets the peaks). An upper bound: garbage counts until the collector runs, and the pools peak at different
 *       moments, so it depends on the heap size the collector was given.</li>
 *   <li><b>live</b>: the largest heap in use right after any collection during the stretch, and after a final full
 *       collection at {@link #stop()} while the caller still holds the result: what the code kept reachable at
 *       once, whatever the heap size. Collections that do not happen are not seen, so it is a lower bound of the
 *       true live peak, tight when the heap is small enough to collect often.</li>
 * </ul>
 * Both are reported minus the heap in use at {@link #start()}.
 */
final class HeapUse implements NotificationListener {

    private final List<MemoryPoolMXBean> pools = heapPools();
    private final java.util.Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());
    private final AtomicLong maxAfterCollection = new AtomicLong();
    private long before;

    /** Peak and live bytes above the heap in use at the start. */
    record Figures(long peakBytes, long liveBytes) {
    }

    /** Collects garbage, resets the peaks and starts watching collections. */
    void start() {
        System.gc();
        before = used();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        maxAfterCollection.set(0);
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc)
                .addNotificationListener(this, null, null));
    }

    /** Stops watching; call it while the measured code's result is still reachable. */
    Figures stop() {
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        maxAfterCollection.accumulateAndGet(used(), Math::max);
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return new Figures(Math.max(0, peak - before), Math.max(0, maxAfterCollection.get() - before));
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            // Heap pools only: the map also holds metaspace and the code cache.
            long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            maxAfterCollection.accumulateAndGet(after, Math::max);
        }
    }

    private long used() {
        return inUse(pools);
    }

    /** The heap in use now: the heap pools' usage, without metaspace and the code cache. */
    static long inUse() {
        return inUse(heapPools());
    }

    private static long inUse(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
