package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.results.ComputedResults;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultBasis;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EIT part 2 in the results: its responses are scored with the others by the year's definition (pooled, or each part
 * its own score and the EIT their weighted mean), the 2568 level rule gates on each part, and progress counts it
 * against its own minimum. Figures worked by hand from the answers stored (2568 questionnaire, six-point 1..6 = 0, 20,
 * .. 100; e3 never/ever is negative, e9 positive; EIT indicators 6 = e1, e2, e3; 7 = e4, e5, e6; 8 = e7, e8, e9).
 */
class SurveyPartTwoResultsIT extends ServerTestSupport {

    static final RequestPostProcessor CENTRAL = user("central").roles("CENTRAL_ADMIN");
    static final String[] AGREE = {"e1", "e2", "e4", "e5", "e6", "e7", "e8"};
    static final String[] POSITIVE_SIX = {"i1", "i2", "i4", "i10", "i12", "i13", "i14", "i15"};
    static final String[] NEGATIVE_SIX = {"i5", "i6", "i7", "i8", "i11"};
    static final String[] NEGATIVE_YES_NO = {"i3", "i9"};
    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;
    @Autowired
    OfficialResults results;
    @Autowired
    ComputedResults computed;

    private SurveyYears year(boolean weighted) {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 5, 5, text -> weighted ? text
                .replace("    partCombination: pooled\n    parts:\n      - code: EIT_PUBLIC\n",
                        "    partCombination: weighted-mean-of-parts\n    parts:\n      - code: EIT_PUBLIC\n        weight: 0.4\n")
                .replace("      - code: EIT_SURVEY\n", "      - code: EIT_SURVEY\n        weight: 0.6\n") : text);
        clock.setToday(y.surveyDay());
        windows.forget();
        return y;
    }

    /** An EIT sheet: every agree-scale question answered {@code agree}, e3 never, e9 ever (both 100). */
    private static Map<String, String> eit(String agree) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String q : AGREE) {
            m.put(q, agree);
        }
        m.put("e3", "never");
        m.put("e9", "ever");
        return m;
    }

    /** Five staff answer every IIT question at its best: IIT 100. */
    private static Map<String, String> bestIit() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String q : POSITIVE_SIX) {
            m.put(q, "6");
        }
        for (String q : NEGATIVE_SIX) {
            m.put(q, "1");
        }
        for (String q : NEGATIVE_YES_NO) {
            m.put(q, "no");
        }
        return m;
    }

    /** An agency of 5 staff (IIT minimum: all 5) with 5 IIT responses, {@code one} part-1 and {@code two} part-2 sheets. */
    private Agency agency(SurveyYears y, String name, List<String> one, List<String> two) {
        Agency a = fixtures.agency().named(name).staff(5).create();
        SurveyResponses r = new SurveyResponses(jdbc);
        for (int n = 0; n < 5; n++) {
            r.iit(a.code(), y.year().buddhistEra(), bestIit());
        }
        one.forEach(agree -> r.eit(a.code(), y.year().buddhistEra(), y.surveyDay(), eit(agree), 90, false, 0));
        two.forEach(agree -> r.survey(a.code(), y.year().buddhistEra(), y.surveyDay(), eit(agree)));
        return a;
    }

    private void close(SurveyYears y) throws Exception {
        assertThat(mvc.perform(post("/surveys/close/" + y.year().buddhistEra()).with(CENTRAL).with(csrf()).param("confirm", "yes"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    /** The stored score input with OIT indicators 9 and 10 at 100 added, scored by the year's definition: for the level. */
    private ScoreResult withFullOit(Agency a, SurveyYears y) {
        ObjectNode input = (ObjectNode) JsonMapper.builder().build().readTree(results.input(a.code(), y.year()).orElseThrow());
        input.putObject("indicators").put("9", 100).put("10", 100);
        ScoreInputReader.Read read = ScoreInputReader.read(input.toString(), catalog::active);
        return ScoringEngine.score(read.framework(), read.input());
    }

    private static final List<String> FIVE_BEST = List.of("6", "6", "6", "6", "6");
    private static final List<String> FIVE_AGREE = List.of("5", "5", "5", "5", "5");

    /**
     * Part 1 all best: every question 100, EIT_PUBLIC 100. Part 2 agree = 5 (80): indicators 6 = (80 + 80 + 100) / 3,
     * 7 = 80, 8 = (80 + 80 + 100) / 3; EIT_SURVEY = 760 / 9 = 84.444. Weighted 0.4 / 0.6: EIT = 40 + 0.6 × 760 / 9 =
     * 90.667 (a plain mean would give 92.222). With OIT 100 the overall is 0.3 × 100 + 0.3 × 90.667 + 0.4 × 100 = 97.2,
     * but part 2 is below 85: ผ่าน, not ผ่านดี.
     */
    @Test
    void underWeightedMeanOfPartsTheEitIsTheWeightedMeanOfThePartScoresAndEachPartGatesTheLevel() throws Exception {
        SurveyYears y = year(true);
        Agency low2 = agency(y, "อบต.ส่วนที่สองต่ำ", FIVE_BEST, FIVE_AGREE);
        Agency low1 = agency(y, "อบต.ส่วนที่หนึ่งต่ำ", FIVE_AGREE, FIVE_BEST);
        Agency both = agency(y, "อบต.ผ่านดีทั้งสองส่วน", FIVE_BEST, FIVE_BEST);
        Agency few = agency(y, "อบต.ส่วนที่สองน้อย", FIVE_BEST, List.of("6", "6"));
        close(y);

        ScoreResult r = results.result(low2.code(), y.year()).orElseThrow().score();
        assertThat(r.tools().get("IIT")).isCloseTo(100.0, within(1e-9));
        assertThat(r.tools().get("EIT_PUBLIC")).isCloseTo(100.0, within(1e-9));
        assertThat(r.tools().get("EIT_SURVEY")).isCloseTo(760.0 / 9, within(1e-9));
        assertThat(r.tools().get("EIT")).isCloseTo(0.4 * 100 + 0.6 * 760.0 / 9, within(1e-9));
        assertThat(r.partQuestions().get("EIT_SURVEY").get("e1")).isCloseTo(80.0, within(1e-9));
        assertThat(computed.basis(low2.code(), y.year()).orElseThrow().responsesByPart())
                .isEqualTo(Map.of("IIT", 5, "EIT_PUBLIC", 5, "EIT_SURVEY", 5));
        assertThat(computed.basis(low2.code(), y.year()).orElseThrow().belowMinimum()).isEmpty();

        ScoreResult level2 = withFullOit(low2, y);
        assertThat(level2.overall()).isCloseTo(0.3 * 100 + 0.3 * (40 + 0.6 * 760.0 / 9) + 0.4 * 100, within(1e-9));
        assertThat(level2.resultLevel().code()).as("part 2 at 84.44 keeps it from ผ่านดี").isEqualTo("PASS");
        ScoreResult level1 = withFullOit(low1, y);
        assertThat(level1.tools().get("EIT_PUBLIC")).isCloseTo(760.0 / 9, within(1e-9));
        assertThat(level1.resultLevel().code()).as("part 1 at 84.44 keeps it from ผ่านดี").isEqualTo("PASS");
        assertThat(withFullOit(both, y).resultLevel().code()).isEqualTo("GOOD");

        ScoreResult f = results.result(few.code(), y.year()).orElseThrow().score();
        assertThat(f.tools().get("EIT_SURVEY")).as("two part-2 answers: too few to score").isNull();
        assertThat(f.tools().get("EIT")).as("a weighted mean needs both parts").isNull();
        assertThat(computed.basis(few.code(), y.year()).orElseThrow().belowMinimum())
                .containsExactly(new ResultBasis.BelowMinimum("EIT_SURVEY", 2, 5, true));
    }

    /** What a person sees of the part-2 agency: the results page, the API, the PDF and DOCX reports, progress. */
    @Test
    void theResultsPageTheApiAndTheReportsShowEachPartAndTheEit() throws Exception {
        SurveyYears y = year(true);
        Agency a = agency(y, "องค์การบริหารส่วนตำบลสองส่วน", FIVE_BEST, FIVE_AGREE);
        Agency few = agency(y, "องค์การบริหารส่วนตำบลส่วนที่สองน้อย", FIVE_BEST, List.of("6", "6"));
        RequestPostProcessor viewer = fixtures.person(Role.VIEWER).seeing(a.code(), few.code()).create().signedIn();
        String card = mvc.perform(get("/agency/" + few.code()).with(viewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/s9-results-card.html"), card);
        close(y);
        int year = y.year().buddhistEra();
        String base = "/agency/" + a.code().value() + "/results/" + year;
        String page = mvc.perform(get(base).with(viewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/s9-results-page.html"), page);
        String fewPage = mvc.perform(get("/agency/" + few.code().value() + "/results/" + year).with(viewer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/s9-results-few.html"), fewPage);
        String api = mvc.perform(get("/api/v1/agencies/" + a.code().value() + "/results/" + year).with(viewer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/s9-results-api.json"), api);
        byte[] pdf = mvc.perform(get(base + "/report.pdf").param("digits", "arabic").with(viewer)).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/s9-results-report.pdf"), pdf);
        byte[] docx = mvc.perform(get(base + "/report.docx").param("digits", "arabic").with(viewer)).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/s9-results-report.docx"), docx);

        assertThat(card.replaceAll("\\s+", " ")).contains("data-part=\"EIT_SURVEY\"", "EIT ส่วนที่ 2 (ผู้ประเมินเก็บข้อมูล)")
                .containsPattern("data-part=\"EIT_SURVEY\">.{0,200}data-testid=\"responses\">2</td>.{0,200}<span>5</span>.{0,600}ยังขาดอีก 3 ชุด");
        assertThat(text(page)).contains("คำนวณโดย OpenITA จากคำตอบ 15 ชุด (IIT: 5 ชุด, EIT ส่วนที่ 1: 5 ชุด, EIT ส่วนที่ 2: 5 ชุด)",
                "EIT 90.67", "EIT ส่วนที่ 1 (ผู้รับบริการตอบด้วยตนเอง) 100.00", "EIT ส่วนที่ 2 (ผู้ประเมินเก็บข้อมูล) 84.44");
        assertThat(text(fewPage)).contains("ข้อสังเกต: EIT ส่วนที่ 2 ได้คำตอบ 2 ชุด น้อยกว่าจำนวนขั้นต่ำ 5 ชุด",
                "EIT ส่วนที่ 2 (ผู้ประเมินเก็บข้อมูล) ไม่มีข้อมูล");
        assertThat(api).contains("\"responsesByPart\":{\"IIT\":5,\"EIT_PUBLIC\":5,\"EIT_SURVEY\":5}",
                "\"EIT\":90.67,\"EIT_PUBLIC\":100.00,\"EIT_SURVEY\":84.44");
        String pdfText;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertThat(pdfText).contains("คำนวณจากคำตอบแบบสำรวจของหน่วยงานเองจำนวน15ชุด", "คำตอบของผู้รับบริการ(EITส่วนที่1)5ชุด",
                "และคำตอบที่ผู้ประเมินเก็บรวบรวม(EITส่วนที่2)5ชุด", "EITส่วนที่2(ผู้ประเมินเก็บข้อมูล)84.44", "90.67")
                .doesNotContain("EIT_SURVEY");
        String docxText;
        try (var w = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var ex = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(w)) {
            docxText = ex.getText().replaceAll("\\s+", "");
        }
        assertThat(docxText).contains("และคำตอบที่ผู้ประเมินเก็บรวบรวม(EITส่วนที่2)5ชุด", "EITส่วนที่2(ผู้ประเมินเก็บข้อมูล)84.44")
                .doesNotContain("EIT_SURVEY");
    }

    /** A streamed file, waited for (MockMvc answers a StreamingResponseBody asynchronously). */
    private org.springframework.mock.web.MockHttpServletResponse fetch(String path, RequestPostProcessor who) throws Exception {
        var r = mvc.perform(get(path).with(who)).andReturn();
        if (!r.getRequest().isAsyncStarted()) {
            return r.getResponse();
        }
        r.getAsyncResult(120_000);
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(r)).andReturn().getResponse();
    }

    /** A page's visible text on one line. */
    private static String text(String html) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " "))
                .replaceAll("\\s+", " ");
    }

    /**
     * The answers of EIT part 2 are exported like part 1's, to those who manage the agency and to the central
     * administrator: the answers and the day, never the assessor, the mode of contact or anything about the contact
     * (those are in field_response and field_contact, which the export does not read).
     */
    @Test
    void partTwoAnswersAreExportedWithoutAssessorModeOrContact() throws Exception {
        SurveyYears y = year(false);
        int year = y.year().buddhistEra();
        Agency a = agency(y, "อบต.ส่งออกส่วนที่สอง", List.of(), List.of("4", "6", "5"));
        Agency two = agency(y, "อบต.ส่งออกส่วนที่สองสองชุด", List.of(), List.of("4", "6"));
        jdbc.sql("""
                insert into field_response (id, response_id, fiscal_year, agency_code, assessor, mode, content_hash, received_at)
                select gen_random_uuid(), id, fiscal_year, agency_code, 'assessor-secret-x', 'TELEPHONE', sha256(cast(id as text)::bytea), now()
                from survey_response where agency_code = ? and part = 'EIT_SURVEY'""").param(a.code().value()).update();
        jdbc.sql("insert into field_contact (fiscal_year, agency_code, position, kind, sealed, key_id) values (?, ?, 1, 'ผู้รับจ้าง', ?, 'k1')")
                .params(year, a.code().value(), "sealed-contact-bytes".getBytes(StandardCharsets.UTF_8)).update();
        var admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create().signedIn();
        String csv = fetch("/agency/" + a.code() + "/surveys/" + year + "/eit2.csv", admin)
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("[e1]").doesNotContain("วันที่ตอบ").doesNotContain("วินาที");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).startsWith(a.code().value() + ",").doesNotContain(y.surveyDay().toString()));
        // two answers are too few to show one by one: refused, and left out of the national file too
        var twoAdmin = fixtures.person(Role.AGENCY_ADMIN).of(two).create().signedIn();
        assertThat(mvc.perform(get("/agency/" + two.code() + "/surveys/" + year + "/eit2.csv").with(twoAdmin)).andReturn().getResponse()
                .getStatus()).isEqualTo(409);
        assertThat(csv).doesNotContain("assessor-secret-x").doesNotContain("TELEPHONE").doesNotContain("ผู้รับจ้าง").doesNotContain("sealed");

        var xlsx = fetch("/agency/" + a.code() + "/surveys/" + year + "/eit2.xlsx", admin);
        assertThat(xlsx.getHeader("Content-Disposition")).contains(java.net.URLEncoder.encode("EIT ส่วนที่ 2", StandardCharsets.UTF_8).replace("+", "%20"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("คำตอบ EIT ส่วนที่ 2");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                wb.getSheetAt(i).forEach(row -> row.forEach(c -> all.append(c.toString()).append('|')));
            }
            assertThat(all.toString()).doesNotContain("assessor-secret-x").doesNotContain("TELEPHONE").doesNotContain("ผู้รับจ้าง");
        }
        String national = fetch("/surveys/" + year + "/eit2.csv", CENTRAL)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(national.lines().filter(l -> l.startsWith(a.code().value() + ",")).count()).isEqualTo(3);
        assertThat(national.lines().filter(l -> l.startsWith(two.code().value() + ",")).count()).isZero();
        assertThat(national).doesNotContain("assessor-secret-x").doesNotContain("TELEPHONE");
        assertThat(mvc.perform(get("/surveys/" + year + "/eit2.csv").with(admin)).andReturn().getResponse().getStatus()).isEqualTo(403);
        var viewer = fixtures.person(Role.VIEWER).seeing(a.code()).create().signedIn();
        assertThat(mvc.perform(get("/agency/" + a.code() + "/surveys/" + year + "/eit2.csv").with(viewer)).andReturn().getResponse()
                .getStatus()).as("seeing is not managing").isIn(403, 404);
        String list = mvc.perform(get("/surveys").param("year", Integer.toString(year)).param("sort", "survey-short").param("q", a.code().value()).with(CENTRAL))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("href=\"/surveys/" + year + "/eit2.csv\"", "EIT ส่วนที่ 2 (ตอบแล้ว / ขั้นต่ำ)", "EIT ส่วนที่ 2 ซึ่งผู้ประเมินเก็บข้อมูล");
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/s9-results-list.html"), list);
        String row = list.substring(list.indexOf("data-code=\"" + a.code().value() + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>")).replaceAll("\\s+", " "))
                .contains("<span>3 / 5</span><small class=\"shortfall\" data-testid=\"survey-short\">ยังขาดอีก 2 ชุด</small>",
                        "EIT ส่วนที่ 2 ยังไม่ถึงขั้นต่ำ");
    }

    /** Pooled (2568 as shipped): agree = (5 × 100 + 5 × 80) / 10 = 90; EIT = (93.333 + 90 + 93.333) / 3 = 92.222. */
    @Test
    void pooledTheEitComesFromEveryonesAnswersAndEachPartStillHasItsOwnScore() throws Exception {
        SurveyYears y = year(false);
        Agency a = agency(y, "อบต.รวมคำตอบ", FIVE_BEST, FIVE_AGREE);
        close(y);
        ScoreResult r = results.result(a.code(), y.year()).orElseThrow().score();
        assertThat(r.tools().get("EIT_PUBLIC")).isCloseTo(100.0, within(1e-9));
        assertThat(r.tools().get("EIT_SURVEY")).isCloseTo(760.0 / 9, within(1e-9));
        assertThat(r.tools().get("EIT")).isCloseTo((280.0 / 3 + 90 + 280.0 / 3) / 3, within(1e-9));
    }
}
