package org.openita.server.survey.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import org.springframework.stereotype.Component;

/**
 * The "submission burst" quality signal: how many answers the same survey of the same agency received in the
 * minute before this one (in memory, per server process). A sudden run of answers is worth a second look later;
 * nothing is refused for it.
 */
@Component
class Bursts {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int KEPT = 1_000;

    private final Cache<String, ArrayDeque<Instant>> recent = Caffeine.newBuilder().expireAfterAccess(WINDOW).maximumSize(50_000).build();

    /** Records an answer now and says how many came in the minute before it. */
    int record(String survey, Instant now) {
        ArrayDeque<Instant> times = recent.get(survey, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant since = now.minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            int before = times.size();
            if (times.size() < KEPT) {
                times.addLast(now);
            }
            return before;
        }
    }
}
