package org.openita.server.identity.internal;

import org.openita.server.database.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly removal of password-reset links that can no longer be used and of old reset-request counts; runs in one process only. */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ClusterLock lock;
    private final PasswordReset reset;

    Housekeeping(ClusterLock lock, PasswordReset reset) {
        this.lock = lock;
        this.reset = reset;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeResetLinks() {
        lock.runExclusively("purge-password-reset", () -> {
            int n = reset.purgeExpired();
            if (n > 0) {
                log.info("Removed {} expired password-reset links", n);
            }
        });
    }
}
