package org.openita.server.results;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, item 1: once Samdet's official 2568 results (ผ่านดี, 99.17) are imported, every place that shows the
 * result shows the announced level and overall, labelled as announced, and never "undetermined" or a scale code.
 */
class OfficialResultIsTheResultIT extends ServerTestSupport {

    static final RequestPostProcessor CENTRAL = user("central").roles("CENTRAL_ADMIN");
    /** This test's own agency (Samdet's name and place) with Samdet's official 2568 results, and its administrator: made for every test. */
    String code;
    RequestPostProcessor admin;
    static final List<String> NEVER = List.of("ยังตัดสินไม่ได้", "Undetermined", "undetermined", "six-point", "frequency-six",
            "agree-six");

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ResultImports imports;

    @BeforeEach
    void samdetWithItsOfficial2568Results() throws Exception {
        code = fixtures.agency().named("องค์การบริหารส่วนตำบลสมเด็จ").in("สมเด็จ", "กาฬสินธุ์").create().code().value();
        admin = fixtures.person(Role.AGENCY_ADMIN).of(code).create().signedIn();
        String example = Files.readString(example()).replaceFirst("\\{", "{\"agencyCode\": \"" + code + "\",");
        assertThat(imports.run("test", ResultFile.Format.JSON, new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)),
                c -> true).problems()).isEmpty();
    }

    static Path example() {
        Path p = Path.of("examples", "samdet-2568.json");
        return Files.exists(p) ? p : Path.of("..", "examples", "samdet-2568.json");
    }

    private MvcResult get200(String path, RequestPostProcessor... who) throws Exception {
        var req = get(path);
        for (RequestPostProcessor w : who) {
            req = req.with(w);
        }
        return mvc.perform(req).andExpect(status().isOk()).andReturn();
    }

    private String page(String path, RequestPostProcessor... who) throws Exception {
        return get200(path, who).getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void showsTheAnnouncedResult(String what, String text) {
        assertThat(text).as(what).contains("ผ่านดี").doesNotContain(NEVER.toArray(String[]::new));
        assertThat(text.contains("99.17") || text.contains(ThaiFormat.digits("99.17", DigitStyle.THAI)))
                .as(what + " shows the announced overall 99.17").isTrue();
    }

    @Test
    void theResultsPageShowsTheAnnouncedLevelAndKeepsTheRecomputationInItsCheck() throws Exception {
        String results = page("/agency/" + code + "/results/2568", admin);
        showsTheAnnouncedResult("results page", results);
        assertThat(results).contains("data-testid=\"result-level\">ผ่านดี<", "data-testid=\"result-overall\">99.17<",
                "data-testid=\"result-level-source\">ประกาศโดยสำนักงาน ป.ป.ช.<");
        // the recomputation appears only in the check section, after the results
        assertThat(results.indexOf("99.23")).isGreaterThan(results.indexOf("data-testid=\"result-checks\""));
        // and so does the engine's own level, with its reason, labelled as a check and not the result
        assertThat(results.indexOf("data-testid=\"result-computed-level\"")).isGreaterThan(results.indexOf("data-testid=\"result-level\""));
        assertThat(results).contains("ระดับที่ระบบคำนวณเพื่อตรวจทาน (ไม่ใช่ผลการประเมิน)", "EIT ส่วนที่ 1");
        // one plain line about the provisional framework, after the results, with a link to the framework summary
        assertThat(results).containsOnlyOnce("data-testid=\"provisional-note\"").contains("/#fw-2568");
        assertThat(results.indexOf("provisional-note")).isGreaterThan(results.indexOf("data-testid=\"result-tools\""));
        String english = page("/agency/" + code + "/results/2568?lang=en", admin);
        assertThat(english).contains("Good pass", "Announced by the NACC").doesNotContain(NEVER.toArray(String[]::new));
    }

    @Test
    void theAgencyPageShowsTheAnnouncedLevel() throws Exception {
        String agency = page("/agency/" + code, admin);
        showsTheAnnouncedResult("agency page", agency);
        assertThat(agency).contains("data-testid=\"workspace-overall\">99.17<", "ประกาศโดยสำนักงาน ป.ป.ช.");
    }

    @Test
    void thePublicPageAfterPublishingShowsTheAnnouncedLevelWithoutProvisionalNotes() throws Exception {
        mvc.perform(post("/agency/" + code + "/publication/2568").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        String pub = page("/public/" + code + "/2568");
        showsTheAnnouncedResult("public page", pub);
        assertThat(pub).contains("data-testid=\"public-level\">ผ่านดี<", "ประกาศโดยสำนักงาน ป.ป.ช.")
                .doesNotContain("provisional-note", "ข้อมูลเบื้องต้น", "99.23");
    }

    @Test
    void theApiGivesTheAnnouncedLevelWithTheComputedOneBesideIt() throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(page("/api/v1/agencies/" + code + "/results/2568", admin));
        assertThat(json.get("level").asString()).isEqualTo("ผ่านดี");
        assertThat(json.get("levelSource").asString()).isEqualTo("official");
        assertThat(json.get("overall").decimalValue()).isEqualByComparingTo("99.17");
        assertThat(json.get("overallSource").asString()).isEqualTo("official");
        assertThat(json.get("computedOverall").decimalValue()).isEqualByComparingTo("99.23");
        assertThat(json.has("computedLevel")).isTrue();
        assertThat(json.get("figureSources").get("1").asString()).isEqualTo("official");
        assertThat(json.get("figureSources").get("IIT").asString()).isEqualTo("computed");
    }

    @Test
    void openDataGivesTheAnnouncedLevel() throws Exception {
        // as the central administrator: announcing 2568 here would change the calendar other tests share
        String csv = download("/open-data/2568.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        CSVRecord sd = rows.stream().filter(r -> r.get("รหัสหน่วยงาน").equals(code)).findFirst().orElseThrow();
        assertThat(sd.get("คะแนนรวม")).isEqualTo("99.17");
        assertThat(sd.get("ระดับผลการประเมิน")).isEqualTo("ผ่านดี");
        assertThat(sd.get("ที่มาของระดับ")).isEqualTo("ประกาศโดยสำนักงาน ป.ป.ช.");
        JsonNode json = JsonMapper.builder().build().readTree(download("/open-data/2568.json"));
        JsonNode mine = null;
        for (JsonNode n : json) {
            if (n.path("agencyCode").asString().equals(code)) {
                mine = n;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("level").asString()).isEqualTo("ผ่านดี");
        assertThat(mine.get("levelSource").asString()).isEqualTo("official");
        assertThat(mine.get("overall").decimalValue()).isEqualByComparingTo("99.17");
    }

    private String download(String path) throws Exception {
        MvcResult started = get200(path, CENTRAL);
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theThreeReportFormatsShowTheAnnouncedLevelAndATableThatAddsUp() throws Exception {
        String base = "/agency/" + code + "/results/2568/report.";
        String html = page(base + "html", admin);
        byte[] pdf = get200(base + "pdf", admin).getResponse().getContentAsByteArray();
        byte[] docx = get200(base + "docx", admin).getResponse().getContentAsByteArray();
        String pdfText;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(doc);
        }
        String docxText;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFExtractor ex = new XWPFExtractor(doc)) {
            docxText = ex.getText();
        }
        for (var format : List.of(List.of("html", html), List.of("pdf", pdfText), List.of("docx", docxText))) {
            String text = format.get(1);
            showsTheAnnouncedResult(format.get(0), text);
            assertThat(text).as(format.get(0)).contains("ป.ป.ช.").doesNotContain("อาจอยู่ในระดับ", "ตัดสินได้",
                    "ระดับผลการประเมินที่ประกาศ:", "ข้อมูลเบื้องต้น");
        }
        // only announced figures are printed: the tool scores the NACC did not announce (99.98, 97.45) and the
        // recomputed overall (99.23) are not, and the report says why the tool table holds no figures
        for (String recomputed : List.of("99.23", "99.98", "97.45")) {
            assertThat(html).doesNotContain(recomputed, ThaiFormat.digits(recomputed, DigitStyle.THAI));
        }
        assertThat(html.replaceAll("<[^>]+>", "")).contains("โดยไม่ได้แยกคะแนนรายเครื่องมือ");
    }

    /** A POI extractor closed with its document. */
    private static final class XWPFExtractor extends XWPFWordExtractor {
        XWPFExtractor(XWPFDocument doc) {
            super(doc);
        }
    }
}
