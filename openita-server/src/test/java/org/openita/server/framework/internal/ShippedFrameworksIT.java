package org.openita.server.framework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkLoader;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

class ShippedFrameworksIT extends ServerTestSupport {

    @Autowired
    ShippedFrameworks shipped;
    @Autowired
    FrameworkCatalog catalog;

    @Test
    void everyShippedYearIsStoredOnceAndActive() {
        shipped.afterPropertiesSet(); // a second start, or a second server process, changes nothing
        assertThat(jdbc.sql("select fiscal_year from framework_definition where active order by 1").query(Integer.class).list())
                .containsAll(FrameworkLoader.shippedYears()).contains(2563, 2568, 2569, 2570);
        assertThat(jdbc.sql("select count(*) from framework_definition where origin = 'shipped'").query(Long.class).single())
                .isEqualTo(FrameworkLoader.shippedYears().size());
        assertThat(catalog.active(2568)).get().satisfies(d -> assertThat(d.oitItems()).hasSize(26));
        assertThat(catalog.active(2699)).isEmpty();
        assertThat(catalog.active(2569)).get().satisfies(d -> assertThat(d.oitItem("o25")).isPresent());
    }

    @Test
    void anUploadedDefinitionStaysActiveWhenShippedOnesAreRegisteredAgain() {
        String corrected = FrameworkLoader.shippedText(2567).replace("version: \"2567.1\"", "version: \"2567.2\"");
        jdbc.sql("update framework_definition set active = false where fiscal_year = 2567").update();
        jdbc.sql("insert into framework_definition (fiscal_year, version, sha256, origin, content, active) values (2567, '2567.2', ?, 'uploaded', ?, true)")
                .params(ShippedFrameworks.sha256(corrected), corrected).update();
        try {
            shipped.afterPropertiesSet();
            assertThat(catalog.active(2567)).get().satisfies(d -> assertThat(d.version()).isEqualTo("2567.2"));
        } finally {
            jdbc.sql("delete from framework_definition where origin = 'uploaded' and fiscal_year = 2567").update();
            shipped.afterPropertiesSet();
        }
        assertThat(catalog.active(2567)).get().satisfies(d -> assertThat(d.version()).isEqualTo("2567.1"));
    }
}
