package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The public address: absolute http(s) only, a trailing slash forgiven, links encoded. */
class PublicSiteTest {

    private static PublicSite bound(String value) {
        return new Binder(new MapConfigurationPropertySource(Map.of("openita.public-base-url", value))).bind("openita", PublicSite.class).get();
    }

    @Test
    void anAbsoluteAddressIsKeptWithoutItsTrailingSlash() {
        assertThat(bound("https://ita.example.go.th/").publicBaseUrl()).isEqualTo("https://ita.example.go.th");
        assertThat(bound("http://gov.example:8443/openita//").link("/account/reset/{t}", "abc"))
                .isEqualTo("http://gov.example:8443/openita/account/reset/abc");
        assertThat(bound("https://ita.example.go.th").link("/public/{c}/{y}", "ก ข/1", 2568))
                .isEqualTo("https://ita.example.go.th/public/%E0%B8%81%20%E0%B8%82%2F1/2568");
    }

    @Test
    void anythingButAnAbsoluteWebAddressStopsTheStart() {
        for (String bad : new String[] {"", "ita.example.go.th", "/openita", "ftp://ita.example.go.th", "https://", "javascript:alert(1)",
                "https://ita.example.go.th/?x=1", "https://ita.example.go.th/#top", "https://user:pass@ita.example.go.th", "http://bad host"}) {
            assertThatThrownBy(() -> bound(bad)).as(bad).isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("OPENITA_PUBLIC_BASE_URL");
        }
    }

    @Test
    void withoutConfigurationTheDefaultIsLocal() {
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("openita.home", "/tmp"))).bindOrCreate("openita", PublicSite.class)
                .publicBaseUrl()).isEqualTo("http://localhost:8080");
    }
}
