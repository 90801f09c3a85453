package org.openita.server.survey.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Answers counted per network address and per device in fixed windows that start with the first answer, in memory
 * (bounded; a restart forgets them, which only ever lets more through). Nothing here is stored with a response.
 */
@Component
class RateLimits {

    private final SurveyProperties.RateLimit limits;
    private final Cache<String, AtomicInteger> byAddress;
    private final Cache<String, AtomicInteger> byDevice;

    RateLimits(SurveyProperties properties) {
        this.limits = properties.rateLimit();
        this.byAddress = Caffeine.newBuilder().expireAfterWrite(limits.addressWindow()).maximumSize(200_000).build();
        this.byDevice = Caffeine.newBuilder().expireAfterWrite(limits.deviceWindow()).maximumSize(500_000).build();
    }

    /** Counts one answer; false when the address or the device has used up its window. */
    boolean admit(String address, String device) {
        if (!limits.enabled()) {
            return true;
        }
        AtomicInteger a = byAddress.get(address, k -> new AtomicInteger());
        AtomicInteger d = byDevice.get(device, k -> new AtomicInteger());
        if (a.get() >= limits.perAddress() || d.get() >= limits.perDevice()) {
            return false;
        }
        a.incrementAndGet();
        d.incrementAndGet();
        return true;
    }

    /** Seconds until the address's window ends (for Retry-After), at least 1. */
    long retryAfterSeconds() {
        return Math.max(1, Math.min(limits.addressWindow().toSeconds(), limits.deviceWindow().toSeconds()));
    }
}
