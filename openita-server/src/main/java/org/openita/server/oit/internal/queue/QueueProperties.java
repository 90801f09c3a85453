package org.openita.server.oit.internal.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pre-check queue (docs/oit.md, ADR 0037).
 *
 * @param enabled       this process fetches queued links and queues the scheduled re-checks; off, it only queues what is
 *                      saved or submitted (another process, or a later start, does the fetching)
 * @param threads       worker threads of this process (fetches at the same time; per-host politeness is the fetcher's)
 * @param batch         jobs a thread claims at once
 * @param lease         how long a claimed job is this process's; a job whose lease ran out is taken over by any process
 * @param idlePoll      how long a thread waits before it looks again when nothing was waiting
 * @param maxAttempts   fetches of a link that could not be reached or timed out before that outcome is recorded
 * @param retryBackoff  wait before the second attempt; doubled before each further one
 * @param recheckEvery  how often every submitted link of a year in its OIT phases is fetched again
 * @param recheckTick   how often a process looks whether a re-check is due
 */
@ConfigurationProperties("openita.oit.queue")
public record QueueProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int threads,
        @DefaultValue("4") int batch,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("2s") Duration idlePoll,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("7d") Duration recheckEvery,
        @DefaultValue("1h") Duration recheckTick) {

    public QueueProperties {
        if (threads < 1 || batch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("openita.oit.queue: threads, batch and max-attempts must be at least 1");
        }
        if (lease.isNegative() || lease.isZero() || recheckEvery.isNegative() || recheckEvery.isZero()) {
            throw new IllegalArgumentException("openita.oit.queue: lease and recheck-every must be positive");
        }
    }

    /** The defaults, for code that builds a queue outside the application (tests, harnesses). */
    public static QueueProperties defaults() {
        return new QueueProperties(true, 4, 4, Duration.ofMinutes(10), Duration.ofSeconds(2), 3, Duration.ofMinutes(1),
                Duration.ofDays(7), Duration.ofHours(1));
    }

    public QueueProperties withThreads(int n) {
        return new QueueProperties(enabled, n, batch, lease, idlePoll, maxAttempts, retryBackoff, recheckEvery, recheckTick);
    }

    public QueueProperties withIdlePoll(Duration d) {
        return new QueueProperties(enabled, threads, batch, lease, d, maxAttempts, retryBackoff, recheckEvery, recheckTick);
    }
}
