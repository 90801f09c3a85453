package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.scoring.ScoreResult;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.results.ComputedResults;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultBasis;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Closing a year's surveys scores every agency's answers; the figures are checked against sums worked out by hand from
 * the answers the test stores. Each test runs on a fiscal year of its own (2620 and up, from the calendar fixture) with a
 * copy of a shipped definition loaded for that year, so closing it touches no other test's year.
 */
class SurveyScoresIT extends ServerTestSupport {

    static final RequestPostProcessor CENTRAL = user("central").roles("CENTRAL_ADMIN");

    @Autowired
    Intake intake;
    @Autowired
    SurveyClosing closing;
    @Autowired
    FrameworkVersions versions;
    @Autowired
    OfficialResults results;
    @Autowired
    ComputedResults computed;

    /** A year of this test's own with the default calendar and a copy of the shipped definition of {@code shipped} active. */
    private FiscalYear yearLike(int shipped) throws IOException {
        var calendar = fixtures.cycleCalendar();
        calendar.create();
        FiscalYear year = calendar.year();
        String text;
        try (InputStream in = getClass().getResourceAsStream("/frameworks/ita-" + shipped + ".yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replaceFirst("(?m)^year: " + shipped, "year: " + year.buddhistEra())
                .replaceFirst("(?m)^version: \"[^\"]*\"", "version: \"" + year.buddhistEra() + ".1\"");
        FrameworkVersions.Loaded loaded = versions.load("test", "copy-of-" + shipped + ".yaml", text);
        assertThat(loaded.problems()).isEmpty();
        versions.activate("test", loaded.version().orElseThrow().id()).orElseThrow();
        return year;
    }

    private void answer(Agency agency, FiscalYear year, SurveyPart part, Map<String, String> answers) {
        intake.store(agency.code(), year.buddhistEra(), part, year.firstDay().plusDays(160), answers, Optional.empty(),
                part == SurveyPart.EIT_PUBLIC ? new Intake.Quality(90, false, 0) : null);
    }

    /** The same answer to every question in the list. */
    private static Map<String, String> all(String option, String... questions) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String q : questions) {
            m.put(q, option);
        }
        return m;
    }

    private static Map<String, String> merged(List<Map<String, String>> parts) {
        Map<String, String> m = new LinkedHashMap<>();
        parts.forEach(m::putAll);
        return m;
    }

    static final String[] POSITIVE_SIX = {"i1", "i2", "i4", "i10", "i12", "i13", "i14", "i15"};
    static final String[] NEGATIVE_SIX = {"i5", "i6", "i7", "i8", "i11"};
    static final String[] NEGATIVE_YES_NO = {"i3", "i9"};
    static final String[] AGREE = {"e1", "e2", "e4", "e5", "e6", "e7", "e8"};

    /**
     * Eight staff (four answer sheets, each given twice: a part is scored only from five responses on, and doubling
     * every sheet keeps each mean) and five service users answer a 2568-like year. Worked by hand (six-point 1..6 = 0, 20, .. 100; a
     * negative question takes the points in reverse order):
     * positive six-point answered 6, 5, 4, 6 = (100 + 80 + 60 + 100) / 4 = 85; negative six-point answered 1, 1, 2, 1 =
     * (100 + 100 + 80 + 100) / 4 = 95; negative yes/no answered no, no, no, yes = (100 + 100 + 100 + 0) / 4 = 75.
     * Indicators: 1 = (85 + 85 + 75) / 3 = 81.667, 2 = (85 + 95 + 95) / 3 = 91.667, 3 = (95 + 95 + 75) / 3 = 88.333,
     * 4 = (85 + 95 + 85) / 3 = 88.333, 5 = 85; IIT = 435 / 5 = 87.
     * EIT part 1: agree answered 6, 6, 5, 4, 6 = 440 / 5 = 88; e3 (never/ever, negative) never ×4, ever ×1 = 80;
     * e9 (never/ever, positive) ever ×3, never ×2 = 60. Indicators 6 = (88 + 88 + 80) / 3 = 85.333, 7 = 88,
     * 8 = (88 + 88 + 60) / 3 = 78.667; EIT part 1 = 252 / 3 = 84.
     */
    private Agency agencyWithAnswers(FiscalYear year) {
        Agency a = fixtures.agency().named("เทศบาลตำบลคำนวณคะแนน").in("เมือง", "ขอนแก่น").create();
        String[] positive = {"6", "5", "4", "6"};
        String[] negative = {"1", "1", "2", "1"};
        String[] yesNo = {"no", "no", "no", "yes"};
        for (int n = 0; n < 8; n++) {
            int r = n % 4;
            answer(a, year, SurveyPart.IIT, merged(List.of(all(positive[r], POSITIVE_SIX), all(negative[r], NEGATIVE_SIX),
                    all(yesNo[r], NEGATIVE_YES_NO))));
        }
        String[] agree = {"6", "6", "5", "4", "6"};
        String[] e3 = {"never", "never", "never", "never", "ever"};
        String[] e9 = {"ever", "ever", "ever", "never", "never"};
        for (int r = 0; r < 5; r++) {
            Map<String, String> m = all(agree[r], AGREE);
            m.put("e3", e3[r]);
            m.put("e9", e9[r]);
            answer(a, year, SurveyPart.EIT_PUBLIC, m);
        }
        return a;
    }

    private MockHttpServletResponse close(FiscalYear year, RequestPostProcessor who, boolean confirmed) throws Exception {
        var request = post("/surveys/close/" + year.buddhistEra()).with(who).with(csrf());
        return mvc.perform(confirmed ? request.param("confirm", "yes") : request).andReturn().getResponse();
    }

    @Test
    void closingComputesTheScoresAHandCalculationGives() throws Exception {
        FiscalYear year = yearLike(2568);
        Agency a = agencyWithAnswers(year);
        Agency other = fixtures.agency().create();
        answer(other, year, SurveyPart.IIT, all("1", POSITIVE_SIX));

        MockHttpServletResponse done = close(year, CENTRAL, true);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).startsWith("/surveys/close/" + year.buddhistEra() + "?agencies=1&responses=13");
        assertThat(mvc.perform(get(done.getRedirectedUrl()).with(CENTRAL)).andReturn().getResponse().getContentAsString())
                .contains("คำนวณคะแนนของ 1 หน่วยงานจากคำตอบ 13 ชุด");

        ScoreResult r = results.result(a.code(), year).orElseThrow().score();
        assertThat(r.questions().get("i1")).isCloseTo(85.0, within(1e-9));
        assertThat(r.questions().get("i5")).as("negative six-point").isCloseTo(95.0, within(1e-9));
        assertThat(r.questions().get("i3")).as("negative yes/no").isCloseTo(75.0, within(1e-9));
        assertThat(r.questions().get("e3")).as("negative never/ever").isCloseTo(80.0, within(1e-9));
        assertThat(r.questions().get("e9")).isCloseTo(60.0, within(1e-9));
        assertThat(r.indicators().get(1)).isCloseTo(245.0 / 3, within(1e-9));
        assertThat(r.indicators().get(2)).isCloseTo(275.0 / 3, within(1e-9));
        assertThat(r.indicators().get(3)).isCloseTo(265.0 / 3, within(1e-9));
        assertThat(r.indicators().get(6)).isCloseTo(256.0 / 3, within(1e-9));
        assertThat(r.indicators().get(8)).isCloseTo(236.0 / 3, within(1e-9));
        assertThat(r.tools().get("IIT")).isCloseTo(87.0, within(1e-9));
        assertThat(r.tools().get("EIT_PUBLIC")).isCloseTo(84.0, within(1e-9));
        assertThat(r.tools().get("EIT_SURVEY")).as("EIT part 2: no data, never 0").isNull();
        assertThat(r.tools().get("OIT")).as("OIT: no data").isNull();
        assertThat(r.indicators().get(9)).isNull();
        assertThat(r.overall()).as("no overall without OIT").isNull();
        assertThat(computed.basis(a.code(), year).map(ResultBasis::responsesByPart)).contains(Map.of("IIT", 8, "EIT_PUBLIC", 5));
        assertThat(computed.basis(other.code(), year)).as("one staff answer: too few to score without showing it").isEmpty();
        assertThat(results.result(other.code(), year)).isEmpty();
        assertThat(jdbc.sql("select reason from survey_scoring where fiscal_year = ?").param(year.buddhistEra()).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(fixtures.audits("RESULT_COMPUTED", "result:" + a.code().value() + "/" + year.buddhistEra())).isEqualTo(1);
        assertThat(fixtures.audits("SURVEYS_CLOSED", "surveys:" + year.buddhistEra())).isEqualTo(1);

        // closed: a second close changes nothing and says so
        MockHttpServletResponse again = close(year, CENTRAL, true);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("ปิดไปแล้ว");
        assertThat(fixtures.audits("RESULT_COMPUTED", "result:" + a.code().value() + "/" + year.buddhistEra())).isEqualTo(1);
    }

    @Test
    void subItemsAverageIntoTheirQuestion() throws Exception {
        FiscalYear year = yearLike(2566);
        Agency a = fixtures.agency().create();
        // i1 (four-level 0, 33.33, 66.67, 100; sub-items a, b): a = (100 + 66.667) / 2 = 83.333, b = 33.333 -> 58.333
        // i4 (yes/no, negative; sub-items a, b, c): a = no, no = 100; b = yes, no = 50; c = no, yes = 50 -> 66.667
        // each sheet three times: six responses (five is the fewest scored), the same means
        for (int n = 0; n < 3; n++) {
            answer(a, year, SurveyPart.IIT, Map.of("i1.a", "4", "i1.b", "2", "i4.a", "no", "i4.b", "yes", "i4.c", "no"));
            answer(a, year, SurveyPart.IIT, Map.of("i1.a", "3", "i1.b", "2", "i4.a", "no", "i4.b", "no", "i4.c", "yes"));
        }
        assertThat(close(year, CENTRAL, true).getStatus()).isEqualTo(302);

        ScoreResult r = results.result(a.code(), year).orElseThrow().score();
        assertThat(r.questions().get("i1")).isCloseTo((250.0 / 3 + 100.0 / 3) / 2, within(1e-9));
        assertThat(r.questions().get("i4")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(r.indicators().get(1)).as("indicator 1 has questions nobody answered").isNull();
        String stored = results.input(a.code(), year).orElseThrow();
        assertThat(stored).contains("\"subItems\"").contains("\"i4\"");
    }

    @Test
    void anOfficialImportWinsAndAComputedResultNeverReplacesAnOfficialOne() throws Exception {
        FiscalYear year = yearLike(2568);
        Agency computedFirst = agencyWithAnswers(year);
        Agency officialFirst = agencyWithAnswers(year);
        fixtures.officialResults(officialFirst.code(), year.buddhistEra()).scoring(91.25).create();

        MockHttpServletResponse done = close(year, CENTRAL, true);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(results.result(officialFirst.code(), year).orElseThrow().score().overall()).as("the official row is kept").isEqualTo(91.25);
        assertThat(computed.basis(officialFirst.code(), year)).isEmpty();
        assertThat(computed.basis(computedFirst.code(), year)).isPresent();

        // the official import replaces the computed row
        fixtures.officialResults(computedFirst.code(), year.buddhistEra()).scoring(88.5).create();
        assertThat(results.result(computedFirst.code(), year).orElseThrow().score().overall()).isEqualTo(88.5);
        assertThat(computed.basis(computedFirst.code(), year)).isEmpty();

        // scoring again (a late reopen, then closing again) leaves both official rows alone and replaces computed ones
        Agency late = agencyWithAnswers(year);
        jdbc.sql("delete from survey_closing where fiscal_year = ?").param(year.buddhistEra()).update();
        assertThat(close(year, CENTRAL, true).getStatus()).isEqualTo(302);
        answer(late, year, SurveyPart.IIT, all("6", POSITIVE_SIX));
        jdbc.sql("delete from survey_closing where fiscal_year = ?").param(year.buddhistEra()).update();
        assertThat(close(year, CENTRAL, true).getStatus()).isEqualTo(302);
        assertThat(computed.basis(late.code(), year).map(ResultBasis::responsesByPart)).contains(Map.of("IIT", 9, "EIT_PUBLIC", 5));
        assertThat(fixtures.audits("RESULT_COMPUTED", "result:" + late.code().value() + "/" + year.buddhistEra())).isEqualTo(2);
        assertThat(results.result(computedFirst.code(), year).orElseThrow().score().overall()).isEqualTo(88.5);
        assertThat(results.result(officialFirst.code(), year).orElseThrow().score().overall()).isEqualTo(91.25);
    }

    @Test
    void theScheduledCloseScoresAnEndedPhaseOnceWhenTwoRunsMeet() throws Exception {
        FiscalYear year = yearLike(2568);
        Agency a = agencyWithAnswers(year);
        int y = year.buddhistEra();
        clock.setToday(LocalDate.of(year.buddhistEra() - 543, 5, 31));
        assertThat(closing.scoreIfEnded(y)).as("the phase's last day: not ended yet").isFalse();
        clock.setToday(LocalDate.of(year.buddhistEra() - 543, 6, 1));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> run = () -> closing.scoreIfEnded(y);
            List<Future<Boolean>> runs = new ArrayList<>(List.of(two.submit(run), two.submit(run)));
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> f : runs) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        } finally {
            two.shutdown();
        }
        assertThat(closing.scoreIfEnded(y)).isFalse();
        assertThat(fixtures.audits("RESULT_COMPUTED", "result:" + a.code().value() + "/" + y)).isEqualTo(1);
        assertThat(jdbc.sql("select reason from survey_scoring where fiscal_year = ?").param(y).query(String.class).single())
                .isEqualTo("PHASE_ENDED");
        assertThat(results.result(a.code(), year).orElseThrow().score().tools().get("IIT")).isCloseTo(87.0, within(1e-9));
    }

    @Test
    void onlyTheCentralAdministratorClosesAndOnlyAfterConfirming() throws Exception {
        FiscalYear year = yearLike(2568);
        Agency a = agencyWithAnswers(year);
        RequestPostProcessor agencyAdmin = fixtures.person(Role.AGENCY_ADMIN).of(a).create().signedIn();
        assertThat(close(year, agencyAdmin, true).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/surveys/close/" + year.buddhistEra()).with(agencyAdmin)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/surveys/close").with(agencyAdmin)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/surveys/close/" + year.buddhistEra()).with(CENTRAL).param("confirm", "yes")).andReturn().getResponse()
                .getStatus()).as("no CSRF token").isEqualTo(403);

        MockHttpServletResponse unconfirmed = close(year, CENTRAL, false);
        assertThat(unconfirmed.getStatus()).isEqualTo(400);
        assertThat(unconfirmed.getContentAsString()).contains("กรุณาทำเครื่องหมายยืนยัน");
        assertThat(jdbc.sql("select count(*) from survey_closing where fiscal_year = ?").param(year.buddhistEra()).query(Integer.class).single()).isZero();
        assertThat(results.result(a.code(), year)).isEmpty();

        String page = mvc.perform(get("/surveys/close").with(CENTRAL)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/surveys/close/" + year.buddhistEra());
        String confirm = mvc.perform(get("/surveys/close/" + year.buddhistEra()).with(CENTRAL)).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("name=\"confirm\"").contains("ได้รับคำตอบแล้วทั้งหมด 13 ชุด");
    }

    @Test
    void theResultsPageTheApiAndTheReportSayTheScoresWereComputedFromTheAnswers() throws Exception {
        FiscalYear year = yearLike(2568);
        Agency a = agencyWithAnswers(year);
        assertThat(close(year, CENTRAL, true).getStatus()).isEqualTo(302);
        RequestPostProcessor viewer = fixtures.person(Role.VIEWER).seeing(a.code()).create().signedIn();
        String base = "/agency/" + a.code().value() + "/results/" + year.buddhistEra();

        String page = mvc.perform(get(base).with(viewer)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("คำนวณโดย OpenITA จากคำตอบ 13 ชุด (IIT: 8 ชุด, EIT ส่วนที่ 1: 5 ชุด)").contains("ไม่มีข้อมูล");
        String en = mvc.perform(get(base).param("lang", "en").with(viewer)).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Computed by OpenITA from 13 responses (IIT: 8, EIT part 1: 5)");

        String api = mvc.perform(get("/api/v1/agencies/" + a.code().value() + "/results/" + year.buddhistEra()).with(viewer))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"source\":{\"kind\":\"computed\",\"responses\":13,\"responsesByPart\":{\"IIT\":8,\"EIT_PUBLIC\":5}");

        byte[] pdf = mvc.perform(get(base + "/report.pdf").param("digits", "arabic").with(viewer)).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        // kept for a look: the page and the report as a person gets them
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "survey-scores-page.html"), page);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "survey-scores-report.pdf"), pdf);
        // lines wrap anywhere in Thai: compared without white space
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains("คะแนนในรายงานนี้คำนวณจากคำตอบแบบสำรวจของหน่วยงานเองจำนวน13ชุด")
                .contains("คำตอบของบุคลากรในหน่วยงาน(IIT)8ชุด").contains("คำตอบของผู้รับบริการ(EITส่วนที่1)5ชุด")
                .contains("ยังไม่มีข้อมูลสำหรับคำนวณคะแนนของOIT")
                .doesNotContain("provisional").doesNotContain("ชั่วคราว").doesNotContain("EIT_PUBLIC");
        // question-level findings carry the figures computed from the answers: e9 at 60.00, e3 at 80.00
        assertThat(text).containsPattern("e9 \\D{1,200}60\\.00").containsPattern("e3 \\D{1,200}80\\.00");
    }
}
