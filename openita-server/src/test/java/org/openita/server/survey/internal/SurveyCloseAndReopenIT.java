package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.results.ComputedResults;
import org.openita.server.results.OfficialResults;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the administrators see around closing a year's surveys: the closing page warns how many agencies are below their
 * minimum; a computed result says which parts were below it (an official one never does); once closed, the banner, the
 * to-do box and the agency's card say so and slips are refused; the central administrator can reopen, with a reason,
 * which withdraws the computed results of that close and never an official one. Each test has a year of its own.
 */
class SurveyCloseAndReopenIT extends ServerTestSupport {

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

    private Person central;

    /** A year of its own whose survey phase runs today; EIT part 1 needs 8 responses (IIT: 10 for 40 staff, provisional). */
    private SurveyYears openYear() {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8);
        clock.setToday(y.surveyDay());
        windows.forget();
        central = fixtures.person(Role.CENTRAL_ADMIN).create();
        return y;
    }

    private String html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse close(SurveyYears y) throws Exception {
        return mvc.perform(post("/surveys/close/" + y.year().buddhistEra()).param("confirm", "yes").with(central.signedIn()).with(csrf()))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse reopen(SurveyYears y, RequestPostProcessor who, String reason, boolean confirmed) throws Exception {
        MockHttpServletRequestBuilder r = post("/surveys/close/" + y.year().buddhistEra() + "/reopen").with(who).with(csrf());
        if (reason != null) {
            r.param("reason", reason);
        }
        if (confirmed) {
            r.param("confirm", "yes");
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    private static final Pattern BELOW = Pattern.compile("(\\d+) จาก (\\d+) หน่วยงานยังได้คำตอบ IIT หรือ EIT ส่วนที่ 1 ไม่ถึงจำนวนขั้นต่ำ");

    private int belowOnClosingPage(SurveyYears y) throws Exception {
        String page = html(get("/surveys/close/" + y.year().buddhistEra()), central.signedIn());
        Matcher m = BELOW.matcher(page);
        assertThat(m.find()).as("the closing page warns before closing").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String flatPdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void aComputedResultBelowTheMinimumSaysSoAndTheClosingPageWarnedFirst() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        // 40 staff: IIT minimum 10 (provisional table); 7 answered. EIT part 1: 9 of 8, met
        Agency few = fixtures.agency().named("เทศบาลตำบลคำตอบน้อย").staff(40).create();
        new SurveyResponses(jdbc).iit(few.code(), y.definition(), 7);
        new SurveyResponses(jdbc).eit(few.code(), y.definition(), y.surveyDay(), 9);
        // both parts met: no note
        Agency enough = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).iit(enough.code(), y.definition(), 10);
        new SurveyResponses(jdbc).eit(enough.code(), y.definition(), y.surveyDay(), 8);
        // below the minimum, but its official result is imported: the official one wins and says nothing of minimums
        Agency official = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).iit(official.code(), y.definition(), 6);
        fixtures.officialResults(official.code(), year).scoring(91.25).create();

        int before = belowOnClosingPage(y);
        fixtures.agency().staff(40).create(); // no responses at all: one more below its minimum
        assertThat(belowOnClosingPage(y)).isEqualTo(before + 1);
        assertThat(html(get("/surveys/close/" + year), central.signedIn())).contains("href=\"/surveys?year=" + year + "\"");

        assertThat(close(y).getStatus()).isEqualTo(302);
        assertThat(html(get("/surveys/close/" + year), central.signedIn())).as("closed: no warning any more")
                .doesNotContain("data-testid=\"below-minimum\"");

        Person viewer = fixtures.person(Role.VIEWER).seeing(few.code(), enough.code(), official.code()).create();
        String page = html(get("/agency/" + few.code() + "/results/" + year), viewer.signedIn());
        assertThat(page).contains("คำนวณโดย OpenITA จากคำตอบ 16 ชุด (IIT: 7 ชุด, EIT ส่วนที่ 1: 9 ชุด)")
                .contains("ข้อสังเกต: IIT ได้คำตอบ 7 ชุด น้อยกว่าจำนวนขั้นต่ำ 10 ชุด").contains("(จำนวนขั้นต่ำเป็นค่าชั่วคราว)")
                .doesNotContain("EIT ส่วนที่ 1 ได้คำตอบ");
        assertThat(html(get("/agency/" + few.code() + "/results/" + year).param("lang", "en"), viewer.signedIn()))
                .contains("Note: IIT 7 responses, below the minimum of 10.").contains("(provisional minimum)");
        assertThat(html(get("/api/v1/agencies/" + few.code() + "/results/" + year), viewer.signedIn()))
                .contains("\"belowMinimum\":[{\"part\":\"IIT\",\"responses\":7,\"minimum\":10}]");
        assertThat(html(get("/api/v1/agencies/" + enough.code() + "/results/" + year), viewer.signedIn()))
                .contains("\"kind\":\"computed\"").doesNotContain("belowMinimum");
        assertThat(html(get("/agency/" + enough.code() + "/results/" + year), viewer.signedIn()))
                .contains("คำนวณโดย OpenITA จากคำตอบ 18 ชุด").doesNotContain("data-testid=\"result-below-minimum\"");
        assertThat(html(get("/agency/" + official.code() + "/results/" + year), viewer.signedIn()))
                .doesNotContain("คำนวณโดย OpenITA").doesNotContain("data-testid=\"result-below-minimum\"");

        byte[] pdf = mvc.perform(get("/agency/" + few.code() + "/results/" + year + "/report.pdf").param("digits", "arabic")
                .with(viewer.signedIn())).andReturn().getResponse().getContentAsByteArray();
        assertThat(flatPdfText(pdf)).contains("ข้อสังเกต:บางแบบวัดได้คำตอบน้อยกว่าจำนวนขั้นต่ำสำหรับหน่วยงานได้แก่แบบวัดIITได้คำตอบ7ชุดจากจำนวนขั้นต่ำ10ชุด")
                .as("a published document carries no internal mark").doesNotContain("ชั่วคราว").doesNotContain("provisional");
        byte[] enoughPdf = mvc.perform(get("/agency/" + enough.code() + "/results/" + year + "/report.pdf").param("digits", "arabic")
                .with(viewer.signedIn())).andReturn().getResponse().getContentAsByteArray();
        assertThat(flatPdfText(enoughPdf)).contains("คำนวณจากคำตอบแบบสำรวจของหน่วยงานเอง").doesNotContain("ข้อสังเกต:บางแบบวัด");

        // an official import later replaces the computed row, and its note with it
        fixtures.officialResults(few.code(), year).scoring(80.5).create();
        assertThat(computed.basis(few.code(), y.year())).isEmpty();
        assertThat(jdbc.sql("select count(*) from agency_result where agency_code = ? and fiscal_year = ? and below_minimum is not null")
                .params(few.code().value(), year).query(Integer.class).single()).isZero();
        assertThat(html(get("/agency/" + few.code() + "/results/" + year), viewer.signedIn()))
                .doesNotContain("น้อยกว่าจำนวนขั้นต่ำ");
    }

    @Test
    void afterAnEarlyCloseTheBannerTheToDoBoxAndTheCardSayClosedAndSlipsAreRefused() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).eit(a.code(), y.definition(), y.surveyDay(), 6);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        String slips = "/agency/" + a.code() + "/surveys/" + year + "/slips";

        String open = html(get("/agency/" + a.code()), admin.signedIn());
        assertThat(open).contains("เผยแพร่ลิงก์หรือคิวอาร์โค้ดแบบวัด IIT", "กำลังเปิดรับคำตอบ", "data-testid=\"slips-form\"", "เปิดรับคำตอบ ")
                .doesNotContain("data-closed=\"true\"");

        assertThat(close(y).getStatus()).isEqualTo(302);
        String closed = html(get("/agency/" + a.code()), admin.signedIn());
        assertThat(section(closed, "data-testid=\"cycle-banner\"")).contains("เก็บข้อมูล IIT และ EIT: ปิดรับคำตอบแล้ว").contains("data-closed=\"true\"");
        assertThat(section(closed, "data-testid=\"next-step\"")).contains("การสำรวจ IIT และ EIT ของปีนี้ปิดรับคำตอบแล้ว")
                .doesNotContain("เผยแพร่ลิงก์");
        assertThat(section(closed, "data-testid=\"surveys\"")).contains("ปิดรับคำตอบก่อนกำหนดแล้ว", "ช่วงเก็บแบบสำรวจ ", "data-testid=\"surveys-over\"")
                .doesNotContain("data-testid=\"slips-form\"", "eit-poster.pdf", "คัดลอกลิงก์ไปเผยแพร่");
        assertThat(html(get("/agency/" + a.code()).param("lang", "en"), admin.signedIn()))
                .contains("IIT and EIT collection: closed", "IIT and EIT surveys are closed.");

        MockHttpServletResponse refused = mvc.perform(post(slips).param("count", "3").with(admin.signedIn()).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("พิมพ์บัตรไม่ได้: การสำรวจของปีงบประมาณ " + year + " ปิดรับคำตอบแล้ว");
        assertThat(mvc.perform(post(slips).param("count", "3").param("lang", "en").with(admin.signedIn()).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("the surveys of fiscal year " + year + " are closed");
        assertThat(jdbc.sql("select count(*) from survey_slip_issue where agency_code = ?").param(a.code().value()).query(Integer.class).single())
                .as("no slip numbered").isZero();
    }

    @Test
    void theCentralAdministratorReopensWithAReasonWhichWithdrawsOnlyTheComputedResults() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency computedOne = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).iit(computedOne.code(), y.definition(), 10);
        new SurveyResponses(jdbc).eit(computedOne.code(), y.definition(), y.surveyDay(), 8);
        Agency officialOne = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).iit(officialOne.code(), y.definition(), 10);
        fixtures.officialResults(officialOne.code(), year).scoring(91.25).create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(computedOne).create();
        String form = "/surveys/close/" + year + "/reopen";

        assertThat(html(get(form), central.signedIn())).as("not closed: nothing to reopen").contains("data-testid=\"not-closed\"")
                .doesNotContain("data-testid=\"reopen-form\"");
        assertThat(reopen(y, central.signedIn(), "ทดสอบ", true).getStatus()).isEqualTo(409);

        assertThat(close(y).getStatus()).isEqualTo(302);
        assertThat(results.result(computedOne.code(), y.year())).isPresent();
        assertThat(html(get("/surveys/close"), central.signedIn())).contains("href=\"" + form + "\"");
        assertThat(html(get("/surveys/close/" + year), central.signedIn())).contains("data-testid=\"reopen-link\"");
        String page = html(get(form), central.signedIn());
        assertThat(page).contains("data-testid=\"reopen-form\"", "name=\"reason\"", "name=\"confirm\"", "name=\"_csrf\"");

        // refused, and nothing changes
        assertThat(reopen(y, admin.signedIn(), "ขอเปิด", true).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get(form).with(admin.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(form).param("reason", "x").param("confirm", "yes").with(central.signedIn())).andReturn().getResponse()
                .getStatus()).as("no CSRF token").isEqualTo(403);
        MockHttpServletResponse noReason = reopen(y, central.signedIn(), "   ", true);
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("กรุณากรอกเหตุผลที่เปิดรับคำตอบอีกครั้ง");
        MockHttpServletResponse unconfirmed = reopen(y, central.signedIn(), "ปิดเร็วเกินไป", false);
        assertThat(unconfirmed.getStatus()).isEqualTo(400);
        assertThat(unconfirmed.getContentAsString(StandardCharsets.UTF_8)).contains("กรุณาทำเครื่องหมายยืนยันก่อนเปิดรับคำตอบอีกครั้ง")
                .as("what was typed is kept").contains("ปิดเร็วเกินไป");
        MockHttpServletResponse tooLong = reopen(y, central.signedIn(), "ก".repeat(501), true);
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8)).contains("เหตุผลยาวได้ไม่เกิน 500 ตัวอักษร");
        assertThat(reopen(y, central.signedIn(), "a\u0000b", true).getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post(form).param("reason", "").param("confirm", "yes").param("lang", "en").with(central.signedIn()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Please give the reason for reopening.");
        assertThat(windows.closed(y.year())).isTrue();
        assertThat(results.result(computedOne.code(), y.year())).isPresent();
        assertThat(fixtures.audits("SURVEYS_REOPENED", "surveys:" + year)).isZero();

        MockHttpServletResponse done = reopen(y, central.signedIn(), "ปิดก่อนกำหนดโดยไม่ได้ตั้งใจ", true);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/surveys/close/" + year + "?reopened=1");
        assertThat(html(get(done.getRedirectedUrl()), central.signedIn())).contains("ถอนคะแนนที่คำนวณจากคำตอบของ 1 หน่วยงาน")
                .contains("data-testid=\"close-form\"");
        assertThat(results.result(computedOne.code(), y.year())).as("the computed result is withdrawn").isEmpty();
        assertThat(computed.basis(computedOne.code(), y.year())).isEmpty();
        MockHttpServletResponse withdrawnPage = mvc.perform(get("/agency/" + computedOne.code() + "/results/" + year)
                .with(central.signedIn())).andReturn().getResponse();
        assertThat(withdrawnPage.getStatus()).as("no result for the year now").isEqualTo(404);
        assertThat(withdrawnPage.getContentAsString(StandardCharsets.UTF_8)).as("a page that says so and leads on, not an error")
                .contains("ยังไม่มีผลการประเมินปี " + year).contains("href=\"/agency/" + computedOne.code() + "\"");
        assertThat(results.result(officialOne.code(), y.year()).orElseThrow().score().overall()).as("the official one stays").isEqualTo(91.25);
        assertThat(jdbc.sql("select count(*) from survey_scoring where fiscal_year = ?").param(year).query(Integer.class).single()).isZero();
        assertThat(fixtures.audits("RESULT_WITHDRAWN", "result:" + computedOne.code().value() + "/" + year)).isEqualTo(1);
        assertThat(fixtures.audits("RESULT_WITHDRAWN", "result:" + officialOne.code().value() + "/" + year)).isZero();
        String audited = jdbc.sql("select cast(after_data as text) from audit_event where action = 'SURVEYS_REOPENED' and subject = ?")
                .param("surveys:" + year).query(String.class).single();
        assertThat(audited).contains("ปิดก่อนกำหนดโดยไม่ได้ตั้งใจ").contains("\"resultsWithdrawn\": 1");

        // open again: answers are taken, the card and banner speak of collecting, slips print
        assertThat(windows.today().orElseThrow().open()).isTrue();
        String agencyPage = html(get("/agency/" + computedOne.code()), admin.signedIn());
        assertThat(agencyPage).contains("กำลังเปิดรับคำตอบ", "data-testid=\"slips-form\"").doesNotContain("data-closed=\"true\"");
        assertThat(mvc.perform(post("/agency/" + computedOne.code() + "/surveys/" + year + "/slips").param("count", "1")
                .with(admin.signedIn()).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(reopen(y, central.signedIn(), "อีกครั้ง", true).getStatus()).as("not closed now").isEqualTo(409);

        // the next close computes again
        assertThat(close(y).getStatus()).isEqualTo(302);
        assertThat(results.result(computedOne.code(), y.year())).isPresent();
        assertThat(results.result(officialOne.code(), y.year()).orElseThrow().score().overall()).isEqualTo(91.25);

        // once the calendar's survey phase has ended, reopening would take no answers: refused, nothing changes
        clock.setToday(y.endsOn().plusDays(1));
        windows.forget();
        MockHttpServletResponse ended = reopen(y, central.signedIn(), "สายไป", true);
        assertThat(ended.getStatus()).isEqualTo(409);
        assertThat(ended.getContentAsString(StandardCharsets.UTF_8)).contains("ช่วงเก็บแบบสำรวจของปีนี้ตามปฏิทินการประเมินสิ้นสุดแล้ว");
        assertThat(results.result(computedOne.code(), y.year())).isPresent();
        assertThat(windows.closed(y.year())).isTrue();
    }

    /** The element whose opening tag holds {@code marker}, up to the next closing tag of its kind (no nesting of it). */
    private static String section(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        int start = html.lastIndexOf('<', at);
        String tag = html.substring(start + 1, html.indexOf(' ', start));
        return html.substring(start, html.indexOf("</" + tag + ">", at));
    }
}
