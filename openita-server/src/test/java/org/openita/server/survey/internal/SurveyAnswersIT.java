package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.cycle.Phase;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The answer pages as a respondent's browser uses them: open the form, send it, and what is stored (or not) for each
 * kind of submission, on the real database.
 */
class SurveyAnswersIT extends ServerTestSupport {

    @Autowired
    SurveyKeys keys;
    @Autowired
    QuickSubmit quickSubmit;

    FiscalYear year;
    LocalDate day;
    Agency agency;
    Questionnaire eit;
    Questionnaire iit;

    @BeforeEach
    void openSurveys() {
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.SURVEY_COLLECTION);
        calendar.create();
        year = calendar.year();
        day = calendar.day();
        var def = fixtures.activeFramework(year, 2570);
        eit = Questionnaire.of(def, org.openita.core.framework.ToolCode.EIT, "EIT_PUBLIC");
        iit = Questionnaire.of(def, org.openita.core.framework.ToolCode.IIT, "IIT");
        clock.setToday(day);
        agency = fixtures.agency().type(AgencyType.SAO).staff(20).create();
    }

    /** What a browser holds after opening the form: its cookies and the form's token. */
    record Opened(Cookie[] cookies, String token, String html) {
    }

    Opened open(String part) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/s/" + part + "/" + agency.code().value())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        Matcher m = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(r.getContentAsString());
        assertThat(m.find()).as("the form carries its token").isTrue();
        return new Opened(r.getCookies(), m.group(1), r.getContentAsString());
    }

    static Map<String, String> complete(Questionnaire q, String option) {
        Map<String, String> answers = new LinkedHashMap<>();
        q.fields().forEach(f -> answers.put(f.name(), q.itemOf(f.name()).orElseThrow().scale().options().get(
                Math.min(Integer.parseInt(option), q.itemOf(f.name()).orElseThrow().scale().options().size() - 1)).code()));
        return answers;
    }

    MockHttpServletRequestBuilder send(String part, Opened opened, Map<String, String> answers) {
        return send(part, opened, answers, null);
    }

    /** The form as a browser posts it: an urlencoded body. */
    MockHttpServletRequestBuilder send(String part, Opened opened, Map<String, String> answers, String slip) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("t", opened.token());
        if (slip != null) {
            fields.put("slip", slip);
        }
        fields.putAll(answers);
        String body = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        MockHttpServletRequestBuilder b = post("/s/" + part + "/" + agency.code().value())
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED).content(body);
        if (opened.cookies().length > 0) {
            b.cookie(opened.cookies());
        }
        return b;
    }

    long stored(String part) {
        return jdbc.sql("select count(*) from survey_response where agency_code = ? and fiscal_year = ? and part = ?")
                .params(agency.code().value(), year.buddhistEra(), part).query(Long.class).single();
    }

    @Test
    void aCompleteEitAnswerIsStoredWithTheDayAndItsQualitySignalsOnlyAndAcknowledgedByARedirect() throws Exception {
        Opened opened = open("eit");
        assertThat(opened.html()).contains(agency.nameTh()).contains("<fieldset").contains("<legend");
        assertThat(Pattern.compile("<fieldset").matcher(opened.html()).results().count()).isGreaterThanOrEqualTo(eit.questionCount());
        assertThat(opened.cookies()).extracting(Cookie::getName).containsExactly(Respondents.DEVICE);

        MockHttpServletResponse r = mvc.perform(send("eit", opened, complete(eit, "5"))).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(303);
        assertThat(r.getRedirectedUrl()).isEqualTo("/s/eit/" + agency.code().value() + "/thanks");
        assertThat(r.getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        var row = jdbc.sql("select answered_on, answers::text, seconds_to_complete, identical_answers, burst from survey_response"
                        + " where agency_code = ? and fiscal_year = ?").params(agency.code().value(), year.buddhistEra())
                .query((rs, n) -> List.of(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5)))
                .single();
        assertThat(row.get(0)).isEqualTo(day);
        assertThat((String) row.get(1)).contains("\"e1\": \"6\"");
        assertThat(row.get(3)).as("every answer the top option").isEqualTo(true);
        var columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'survey_response'")
                .query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("id", "agency_code", "fiscal_year", "part", "answered_on", "answers",
                "seconds_to_complete", "identical_answers", "burst");
        String thanks = mvc.perform(get(r.getRedirectedUrl())).andReturn().getResponse().getContentAsString();
        assertThat(thanks).contains("ขอบคุณ");
    }

    @Test
    void thePhoneCheckIsOffByDefaultSoTheQuestionnaireShowsAtOnceAndItsStepsLeadBackToIt() throws Exception {
        Opened opened = open("eit");
        assertThat(opened.html()).contains("<fieldset").doesNotContain("f-phone");
        MockHttpServletResponse phone = mvc.perform(post("/s/eit/" + agency.code().value() + "/phone").cookie(opened.cookies())
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED).content("t=x&phone=0812345678"))
                .andReturn().getResponse();
        assertThat(phone.getStatus()).isEqualTo(303);
        assertThat(phone.getRedirectedUrl()).isEqualTo("/s/eit/" + agency.code().value());
        assertThat(mvc.perform(get("/s/eit/" + agency.code().value() + "/code")).andReturn().getResponse().getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from survey_phone_code where agency_code = ?").param(agency.code().value())
                .query(Long.class).single()).isZero();
        assertThat(mvc.perform(send("eit", opened, complete(eit, "2"))).andReturn().getResponse().getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from survey_spent_phone where agency_code = ?").param(agency.code().value())
                .query(Long.class).single()).as("nothing about phones with the check off").isZero();
    }

    @Test
    void aPartialAnswerStoresNothingAndShowsTheFormAgainWithTheAnswersGivenAndAMessageByTheMissingQuestion() throws Exception {
        Opened opened = open("eit");
        Map<String, String> answers = complete(eit, "3");
        String missing = eit.fields().get(1).name();
        answers.remove(missing);

        MockHttpServletResponse r = mvc.perform(send("eit", opened, answers)).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(stored("EIT_PUBLIC")).isZero();
        String html = r.getContentAsString();
        assertThat(html).contains("กรุณาตรวจสอบคำตอบ").contains("href=\"#f-" + missing.substring(2) + "\"")
                .contains("id=\"err-f-" + missing.substring(2) + "\"");
        String first = eit.fields().get(0).name();
        assertThat(html).containsPattern("name=\"" + Pattern.quote(first) + "\" value=\"" + Pattern.quote(answers.get(first)) + "\" checked");
    }

    @Test
    void anUnknownOptionOrAForeignTokenOrNoDeviceCookieStoresNothing() throws Exception {
        Opened opened = open("eit");
        Map<String, String> bad = complete(eit, "2");
        bad.put(eit.fields().get(0).name(), "99");
        assertThat(mvc.perform(send("eit", opened, bad)).andReturn().getResponse().getStatus()).isEqualTo(400);

        Opened other = open("eit");
        Opened mixed = new Opened(opened.cookies(), other.token(), "");
        MockHttpServletResponse foreign = mvc.perform(send("eit", mixed, complete(eit, "2"))).andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(400);
        assertThat(foreign.getContentAsString()).contains("หมดอายุ");

        Opened noCookie = new Opened(new Cookie[0], opened.token(), "");
        assertThat(mvc.perform(send("eit", noCookie, complete(eit, "2"))).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(stored("EIT_PUBLIC")).isZero();
    }

    @Test
    void aSecondAnswerFromTheSameBrowserIsRefused() throws Exception {
        Opened opened = open("eit");
        MockHttpServletResponse first = mvc.perform(send("eit", opened, complete(eit, "4"))).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(303);
        Cookie[] after = java.util.stream.Stream.concat(java.util.Arrays.stream(opened.cookies()), java.util.Arrays.stream(first.getCookies()))
                .toArray(Cookie[]::new);

        MockHttpServletResponse again = mvc.perform(send("eit", new Opened(after, opened.token(), ""), complete(eit, "1")))
                .andReturn().getResponse();

        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(stored("EIT_PUBLIC")).isEqualTo(1);
        assertThat(mvc.perform(get("/s/eit/" + agency.code().value()).cookie(after)).andReturn().getResponse().getContentAsString())
                .contains("ตอบแบบสำรวจนี้แล้ว");
    }

    @Test
    void outsideTheSurveyWindowThePageSaysSoAndAnAnswerIsRefused() throws Exception {
        Opened opened = open("eit");
        clock.setToday(day.plusDays(1));

        MockHttpServletResponse page = mvc.perform(get("/s/eit/" + agency.code().value())).andReturn().getResponse();
        MockHttpServletResponse r = mvc.perform(send("eit", opened, complete(eit, "4"))).andReturn().getResponse();

        assertThat(page.getContentAsString()).contains("ปิดรับคำตอบแล้ว");
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(stored("EIT_PUBLIC")).isZero();
    }

    @Test
    void aSlipIsSpentOnceAndNothingJoinsItToTheAnswer() throws Exception {
        jdbc.sql("insert into survey_slip_issue (fiscal_year, agency_code, issued) values (?, ?, 2)")
                .params(year.buddhistEra(), agency.code().value()).update();
        SurveyKeys.Key key = keys.slips(year.buddhistEra());
        String slip = SlipCodes.make(key.secret(), year.buddhistEra(), agency.code(), key.version(), 1);

        Opened opened = open("iit");
        MockHttpServletResponse noSlip = mvc.perform(send("iit", opened, complete(iit, "5"))).andReturn().getResponse();
        assertThat(noSlip.getStatus()).as("slips were printed: the IIT asks for one").isEqualTo(400);
        assertThat(noSlip.getContentAsString()).contains("รหัสจากบัตร");

        MockHttpServletResponse first = mvc.perform(send("iit", opened, complete(iit, "5"), slip.toLowerCase()))
                .andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(303);

        Opened fresh = open("iit");
        MockHttpServletResponse reused = mvc.perform(send("iit", fresh, complete(iit, "1"), slip)).andReturn().getResponse();
        assertThat(reused.getStatus()).isEqualTo(409);
        assertThat(reused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("ถูกใช้แล้ว").contains("ระบบไม่ได้บันทึกคำตอบครั้งนี้");
        assertThat(mvc.perform(get("/s/iit/" + agency.code().value()).param("slip", slip)).andReturn().getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("a spent slip's link says so before anyone answers, and does not speak of answers not saved")
                .contains("ถูกใช้แล้ว").doesNotContain("<fieldset").doesNotContain("ไม่ได้บันทึกคำตอบ");

        String forged = slip.substring(0, slip.length() - 1) + (slip.endsWith("A") ? "B" : "A");
        assertThat(mvc.perform(send("iit", open("iit"), complete(iit, "1"), forged)).andReturn().getResponse().getStatus())
                .isEqualTo(400);

        assertThat(stored("IIT")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from survey_spent_slip where agency_code = ?").param(agency.code().value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'survey_spent_slip'")
                .query(String.class).list()).containsExactlyInAnyOrder("fiscal_year", "agency_code", "key_version", "serial");
        assertThat(jdbc.sql("select count(*) from survey_response where agency_code = ? and part = 'IIT' and seconds_to_complete is null"
                + " and identical_answers is null and burst is null").param(agency.code().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBodyLongerThanAnyFormOrWithoutALengthIsRefusedBeforeItIsRead() throws Exception {
        Opened opened = open("eit");
        MockHttpServletResponse big = mvc.perform(send("eit", opened, Map.of("q.e1", "x".repeat(20_000)))).andReturn().getResponse();
        assertThat(big.getStatus()).isEqualTo(413);
        assertThat(big.getContentAsString()).contains("ยาวเกิน").contains("longer than");
        assertThat(stored("EIT_PUBLIC")).isZero();
        MockHttpServletResponse json = mvc.perform(post("/s/eit/" + agency.code().value()).contentType("application/json").content("{}"))
                .andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(415);
    }

    @Test
    void unknownAgenciesAndOtherPathsAreNotFoundOrRefused() throws Exception {
        MockHttpServletResponse missing = mvc.perform(get("/s/eit/NO-SUCH-AGENCY-99")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString()).contains("ไม่พบแบบสำรวจนี้").doesNotContain("??");
        assertThat(mvc.perform(get("/s/eit/" + agency.code().value().toLowerCase(java.util.Locale.ROOT))).andReturn().getResponse()
                .getContentAsString()).as("a code typed in lower case from a poster").contains("<fieldset");
        assertThat(mvc.perform(get("/s/xyz/" + agency.code().value())).andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(mvc.perform(get("/s/eit/" + agency.code().value() + "/anything")).andReturn().getResponse().getStatus()).isIn(403, 404);
    }

    /** The answer form posted by hand to the quick path: what reached the chain below it, if anything. */
    private java.util.concurrent.atomic.AtomicBoolean postToQuickPath(Opened opened, Map<String, String> answers,
                                                                     MockHttpServletResponse response) throws Exception {
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(
                "POST", "/s/eit/" + agency.code().value());
        request.setRemoteAddr("192.0.2.7");
        request.setCookies(opened.cookies());
        request.addParameter("t", opened.token());
        answers.forEach(request::addParameter);
        java.util.concurrent.atomic.AtomicBoolean passedOn = new java.util.concurrent.atomic.AtomicBoolean();
        quickSubmit.doFilter(request, response, (req, res) -> passedOn.set(true));
        return passedOn;
    }

    @Test
    void aCompleteAnswerIsStoredAndAcknowledgedByTheQuickPathAndAnythingElseGoesOnToThePagesUnchanged() throws Exception {
        Opened opened = open("eit");
        MockHttpServletResponse done = new MockHttpServletResponse();
        java.util.concurrent.atomic.AtomicBoolean passedOn = postToQuickPath(opened, complete(eit, "3"), done);

        assertThat(passedOn).as("stored and answered without the chain below").isFalse();
        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(done.getHeader("Location")).isEqualTo("/s/eit/" + agency.code().value() + "/thanks");
        assertThat(done.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(done.getHeader("Content-Security-Policy")).isEqualTo(org.openita.server.web.RespondentHeaders.CONTENT_SECURITY_POLICY);
        assertThat(stored("EIT_PUBLIC")).isEqualTo(1);

        Map<String, String> partial = complete(eit, "3");
        partial.remove(partial.keySet().iterator().next());
        MockHttpServletResponse notDone = new MockHttpServletResponse();
        assertThat(postToQuickPath(open("eit"), partial, notDone)).as("a partial answer goes on to the page that says what is missing").isTrue();
        assertThat(notDone.getStatus()).as("nothing written to it").isEqualTo(200);
        assertThat(notDone.getHeaderNames()).isEmpty();
        assertThat(stored("EIT_PUBLIC")).isEqualTo(1);
    }

    @Test
    void anAnswerAcknowledgedByTheQuickPathCarriesTheSameSecurityHeadersAsTheAnswerPages() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String form = publicBaseUrl() + "/s/eit/" + agency.code().value();
        java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String device = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Respondents.DEVICE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        StringBuilder body = new StringBuilder("t=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8));
        complete(eit, "4").forEach((k, v) -> body.append('&').append(k).append('=').append(v));
        java.net.http.HttpResponse<String> sent = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(form))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", device)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(stored("EIT_PUBLIC")).isEqualTo(1);
        for (String header : List.of("X-Content-Type-Options", "X-XSS-Protection", "Cache-Control", "X-Frame-Options",
                "Content-Security-Policy", "Referrer-Policy")) {
            assertThat(sent.headers().allValues(header)).as(header).isNotEmpty().isEqualTo(page.headers().allValues(header));
        }
        assertThat(sent.headers().allValues("Set-Cookie")).as("no session").noneMatch(c -> c.startsWith("SESSION"));
    }

}
