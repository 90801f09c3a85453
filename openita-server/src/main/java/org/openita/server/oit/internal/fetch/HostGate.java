package org.openita.server.oit.internal.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness towards agencies' servers, shared by every thread of the process: at most {@code permits} requests in
 * flight to one host, and starts at least {@code delay} apart.
 */
final class HostGate {

    private final int permits;
    private final long delayNanos;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    HostGate(int permits, Duration delay) {
        this.permits = permits;
        this.delayNanos = delay.toNanos();
    }

    /** Waits for a turn at {@code host}; null when none came within {@code maxWait}. */
    Pass enter(String host, Duration maxWait) throws InterruptedException {
        Lane lane = lanes.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Lane(permits));
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (!lane.inFlight.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        long wait;
        synchronized (lane) {
            long now = System.nanoTime();
            long start = Math.max(now, lane.nextStart);
            lane.nextStart = start + delayNanos;
            wait = start - now;
        }
        if (System.nanoTime() + wait > deadline) {
            lane.inFlight.release();
            return null;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                lane.inFlight.release();
                throw e;
            }
        }
        return new Pass(lane);
    }

    /** A turn at a host, given back when closed. */
    static final class Pass implements AutoCloseable {
        private final Lane lane;
        private boolean closed;

        private Pass(Lane lane) {
            this.lane = lane;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lane.inFlight.release();
            }
        }
    }

    private static final class Lane {
        final Semaphore inFlight;
        long nextStart = Long.MIN_VALUE / 2;

        Lane(int permits) {
            this.inFlight = new Semaphore(permits, true);
        }
    }
}
