package org.openita.server.oit.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.PeriodRule;
import org.openita.core.framework.Provenance;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The application as configured: its fetcher trusts no host, so it cannot be pointed at the server itself. */
class LinkFetcherWiringIT extends ServerTestSupport {

    @Autowired
    LinkFetcher fetcher;
    @Autowired
    Prechecker prechecker;
    @Autowired
    FetchProperties settings;

    @Test
    void theApplicationsFetcherRefusesTheServerItselfAndItsSettingsAreTheDefaults() {
        assertThat(fetcher).isInstanceOf(SafeFetcher.class);
        assertThat(settings.allowHosts()).isEmpty();
        assertThat(settings.maxBody().toMegabytes()).isEqualTo(20);
        assertThat(settings.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxRedirects()).isEqualTo(5);
        assertThat(settings.perHostRequests()).isEqualTo(2);

        for (String link : List.of(publicBaseUrl() + "/actuator/health", publicBaseUrl().replace("localhost", "127.0.0.1") + "/",
                publicBaseUrl().replace("localhost", "[::1]") + "/")) {
            Fetched f = fetcher.fetch(URI.create(link));
            assertThat(f.outcome()).as(link).isEqualTo(Outcome.UNSAFE_ADDRESS);
        }
    }

    @Test
    void thePrecheckSpeaksThaiAndEnglishFromTheApplicationsMessages() {
        OitItem item = new OitItem("o1", "1.1", 9, LocalizedText.of("โครงสร้าง", "Structure"), PeriodRule.CURRENT_FISCAL_YEAR,
                List.of(), List.of("โครงสร้างหน่วยงาน"), Provenance.UNSTATED);
        Fetched unsafe = fetcher.fetch(URI.create(publicBaseUrl() + "/"));
        Findings f = prechecker.check(unsafe, "https://www.example.go.th/", FiscalYear.of(2569), item);
        assertThat(f.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("unsafe-address");
            assertThat(w.th()).startsWith("ลิงก์นี้ชี้ไปยังเครื่องในเครือข่ายภายใน");
            assertThat(w.en()).startsWith("This link points to a computer on an internal network");
        });
    }
}
