package org.openita.server.oit.internal.queue;

import org.openita.server.oit.internal.fetch.LinkFetcher;
import org.openita.server.oit.internal.fetch.Prechecker;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** STAND-INS, tests only: the fetcher and pre-check beans until the real ones (oit.internal.fetch) are merged. */
@TestConfiguration(proxyBeanMethods = false)
public class OitStandIns {

    @Bean
    LinkFetcher standInFetcher() {
        return new StandInFetcher(null);
    }

    @Bean
    Prechecker standInPrechecker() {
        return new StandInPrechecker();
    }
}
