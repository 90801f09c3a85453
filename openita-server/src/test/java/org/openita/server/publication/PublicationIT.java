package org.openita.server.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public page of a published agency year, signed out, and the open data of a year, streamed. */
class PublicationIT extends ServerTestSupport {

    static final RequestPostProcessor ADMIN = user("p1-admin").roles("AGENCY_ADMIN");
    static final RequestPostProcessor CENTRAL = user("central").roles("CENTRAL_ADMIN");

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ResultImports imports;
    @Autowired
    CycleService cycles;
    @Autowired
    org.openita.server.measures.MeasurePlans plans;

    @BeforeEach
    void agenciesWithResults() throws Exception {
        if (registry.find("P-1").isPresent()) {
            return;
        }
        registry.importFile("test", "p.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด\n"
                + "P-1,องค์การบริหารส่วนตำบลสาธารณะ,อบต.,เมือง,ขอนแก่น\nP-2,\"เทศบาลตำบลข้อมูลเปิด, สาขา\",เทศบาลตำบล,,\n")
                .getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", "p1-admin", "p1", Role.AGENCY_ADMIN, "irrelevant-pass", "P-1", List.of());
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน,IIT,EIT,OIT\n"
                + "P-1,2566,91.25,ผ่านดี,95,90,89.38\nP-2,2566,72.5,,,,\nP-1,2563,88,,,,\n";
        assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true).problems())
                .isEmpty();
    }

    private MvcResult get200(String path, RequestPostProcessor... who) throws Exception {
        var req = get(path);
        for (RequestPostProcessor w : who) {
            req = req.with(w);
        }
        return mvc.perform(req).andExpect(status().isOk()).andReturn();
    }

    @Test
    void aPublishedYearIsOpenToEveryoneAtItsStableAddress() throws Exception {
        mvc.perform(get("/public/P-1/2566")).andExpect(status().isNotFound());
        mvc.perform(get("/public/P-1/2566/report.pdf")).andExpect(status().isNotFound());
        mvc.perform(post("/agency/P-1/measures/2566/publish").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        String page = get200("/public/P-1/2566").getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("องค์การบริหารส่วนตำบลสาธารณะ", "91.25", "data-testid=\"public-indicators\"", "/public/P-1/2566/report.pdf")
                .doesNotContain("data-testid=\"current-user\"");
        byte[] pdf = get200("/public/P-1/2566/report.pdf").getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] followUp = get200("/public/P-1/2566/follow-up.pdf").getResponse().getContentAsByteArray();
        assertThat(new String(followUp, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/public/P-1/2563")).andExpect(status().isNotFound()); // another year is not published

        // the public copies name the responsible units, not the people
        var form = new org.openita.server.measures.MeasureForm();
        form.setTitle("มาตรการเผยแพร่ข้อมูล");
        form.setUnit("สำนักปลัด");
        form.setOwner("นางสาวสมใจ ใจดี");
        plans.create("p1-admin", "P-1", 2566, form);
        plans.confirm("p1-admin", "P-1", 2566);
        for (String report : List.of("report.docx", "follow-up.docx")) {
            String publicText = docxText(get200("/public/P-1/2566/" + report).getResponse().getContentAsByteArray());
            String ownText = docxText(get200("/agency/P-1/" + (report.startsWith("report") ? "results/2566/" : "measures/2566/") + report, ADMIN)
                    .getResponse().getContentAsByteArray());
            assertThat(publicText).as(report).contains("มาตรการเผยแพร่ข้อมูล", "สำนักปลัด").doesNotContain("สมใจ");
            assertThat(ownText).as(report).contains("นางสาวสมใจ ใจดี");
        }
        mvc.perform(get("/public/P-2/2566")).andExpect(status().isNotFound());
        mvc.perform(post("/agency/P-1/measures/2566/publish").param("publish", "false").with(ADMIN).with(csrf()));
        mvc.perform(get("/public/P-1/2566")).andExpect(status().isNotFound());
    }

    private static String docxText(byte[] docx) throws Exception {
        try (var ex = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx)))) {
            return ex.getText();
        }
    }

    private String download(String path, RequestPostProcessor... who) throws Exception {
        MvcResult started = get200(path, who);
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void openDataForTheCentralAdministratorAndForEveryoneOnceAnnounced() throws Exception {
        mvc.perform(get("/open-data/2563.csv")).andExpect(status().isNotFound());
        String csv = download("/open-data/2563.csv", CENTRAL);
        assertThat(csv).startsWith("\uFEFFรหัสหน่วยงาน,ชื่อหน่วยงาน");
        assertThat(cycles.save("test", FiscalYear.of(2566), CycleCalendar.defaults(FiscalYear.of(2566)))).isEmpty();
        String announced = download("/open-data/2566.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(announced.substring(1))).getRecords();
        CSVRecord p1 = rows.stream().filter(r -> r.get("รหัสหน่วยงาน").equals("P-1")).findFirst().orElseThrow();
        assertThat(p1.get("คะแนนรวม")).isEqualTo("91.25");
        assertThat(p1.get("ระดับผลการประเมิน")).isEqualTo("ผ่านดี");
        assertThat(p1.get("OIT")).isEqualTo("89.38");
        assertThat(p1.get("จังหวัด")).isEqualTo("ขอนแก่น");
        CSVRecord p2 = rows.stream().filter(r -> r.get("รหัสหน่วยงาน").equals("P-2")).findFirst().orElseThrow();
        assertThat(p2.get("ชื่อหน่วยงาน")).isEqualTo("เทศบาลตำบลข้อมูลเปิด, สาขา");
        JsonNode json = JsonMapper.builder().build().readTree(download("/open-data/2566.json"));
        assertThat(json.isArray()).isTrue();
        JsonNode first = null;
        for (JsonNode n : json) {
            if (n.path("agencyCode").asString().equals("P-1")) {
                first = n;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.path("publishedOverall").decimalValue()).isEqualByComparingTo("91.25");
        assertThat(first.path("agency").asString()).isEqualTo("องค์การบริหารส่วนตำบลสาธารณะ");
        assertThat(get200("/open-data").getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("/open-data/2566.csv")
                .doesNotContain("/open-data/2563.csv");
        mvc.perform(get("/open-data/2566.xml")).andExpect(status().isNotFound());
    }
}
