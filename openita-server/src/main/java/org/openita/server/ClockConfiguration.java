package org.openita.server;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of the current date and time for the server: the system clock, in Asia/Bangkok. Code that needs
 * "today" or "now" takes this {@link Clock} instead of asking the system, so tests can set the date.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Bean
    Clock clock() {
        return Clock.system(BANGKOK);
    }
}
