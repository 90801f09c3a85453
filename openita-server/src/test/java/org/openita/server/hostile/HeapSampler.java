package org.openita.server.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap every 5 ms while a run lasts and keeps two highest values: the heap in use (which includes
 * garbage not yet collected, so an upper bound on what the inputs made the server hold) and the heap in use just
 * after a collection (what was really held, at the moments the collector looked).
 */
final class HeapSampler implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final long before;
    private final Thread thread;

    HeapSampler() {
        System.gc();
        before = used();
        peak.set(before);
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                peakLive.accumulateAndGet(afterCollection(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hostile-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The heap in use after the last collection of each pool. */
    static long afterCollection() {
        return HEAP.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    /** The highest heap in use just after a collection, in MB. */
    double peakLiveMb() {
        return peakLive.get() / 1e6;
    }

    static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static long max() {
        return MEMORY.getHeapMemoryUsage().getMax();
    }

    /** The heap in use after a full collection when the run began, in MB. */
    double beforeMb() {
        return before / 1e6;
    }

    /** The highest heap in use seen so far, in MB. */
    double peakMb() {
        return Math.max(peak.get(), used()) / 1e6;
    }

    /** What is still held after a full collection, in MB: a leak shows as growth over {@link #beforeMb()}. */
    double afterGcMb() {
        System.gc();
        return used() / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
