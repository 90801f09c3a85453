package org.openita.server.security;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Absolute links come from the configured public address (openita.public-base-url), whatever Host header a
 * request carries. (The mailed reset link is checked in PasswordResetIT.)
 */
class HostHeaderIT extends ServerTestSupport {

    static final String EVIL = "evil.example";

    @Autowired
    ResultImports imports;
    @Autowired
    MeasurePlans plans;

    @Test
    void theAgencyPageShowsThePublicPageAtTheConfiguredAddress() throws Exception {
        if (registry.find(AgencyCode.of("H-1")).isEmpty()) {
            registry.importFile("test", "h.csv", new ByteArrayInputStream("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\nH-1,องค์การบริหารส่วนตำบลโฮสต์,อบต.\n"
                    .getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
            String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,"
                    + "ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\nH-1,2568,84.10,90,88,95,92,80,70,75,72,85,90\n";
            assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true)
                    .problems()).isEmpty();
            publications.publish("test", AgencyCode.of("H-1"), FiscalYear.of(2568));
        }
        String page = mvc.perform(get("/agency/H-1").header("Host", EVIL).with(user("central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String link = publicBaseUrl() + "/public/H-1/2568";
        assertThat(page).contains("href=\"" + link + "\"", ">" + link + "<").doesNotContain(EVIL);
    }

    @Test
    void theApiDescriptionNamesTheConfiguredServer() throws Exception {
        String docs = mvc.perform(get("/api/docs").header("Host", EVIL)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode servers = JsonMapper.builder().build().readTree(docs).path("servers");
        assertThat(servers.size()).isEqualTo(1);
        assertThat(servers.get(0).path("url").asString()).isEqualTo(publicBaseUrl());
        assertThat(docs).doesNotContain(EVIL);
    }
}
