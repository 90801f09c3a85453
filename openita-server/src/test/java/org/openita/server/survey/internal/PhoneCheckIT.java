package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.cycle.Phase;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.support.TestClock;
import org.openita.server.support.TestClockConfiguration;
import org.openita.server.testing.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The phone check of EIT part 1 turned on (ADR 0027), against an SMS gateway on 127.0.0.1 that keeps what it is sent:
 * a service user enters a mobile number, reads the code from the SMS, answers; the phone is spent with the answer and
 * its number is nowhere in the database. This class has a server and a database of its own (the setting differs from
 * every other test's), on its own port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, Fixtures.class})
class PhoneCheckIT {

    static final FakeSmsGateway GATEWAY = new FakeSmsGateway();
    static final Path DATA = ServerTestSupport.freshDirectory("openita-phone-it-");
    static final int PORT = freePort();
    static final int PER_AGENCY_PER_DAY = 6;

    @DynamicPropertySource
    static void phoneCheckOn(DynamicPropertyRegistry registry) {
        registry.add("openita.embedded-db.data-directory", () -> DATA.resolve("pgdata").toString());
        registry.add("openita.temp-directory", () -> DATA.resolve("tmp").toString());
        registry.add("server.port", () -> PORT);
        registry.add("openita.survey.scheduled-closing", () -> "false");
        registry.add("openita.survey.phone-check.enabled", () -> "true");
        registry.add("openita.survey.phone-check.gateway.url", GATEWAY::url);
        registry.add("openita.survey.phone-check.gateway.auth-value", () -> "Bearer test-only");
        registry.add("openita.survey.phone-check.gateway.timeout", () -> "1s");
        registry.add("openita.survey.phone-check.per-agency-per-day", () -> PER_AGENCY_PER_DAY);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    FiscalYear year;
    LocalDate day;
    Agency agency;
    Questionnaire eit;

    @BeforeEach
    void openTheSurvey() {
        GATEWAY.mode(FakeSmsGateway.Mode.ACCEPT);
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.SURVEY_COLLECTION);
        calendar.create();
        year = calendar.year();
        day = calendar.day();
        var def = fixtures.activeFramework(year, 2570);
        eit = Questionnaire.of(def, org.openita.core.framework.ToolCode.EIT, "EIT_PUBLIC");
        clock.setToday(day);
        agency = fixtures.agency().type(AgencyType.SAO).named("องค์การบริหารส่วนตำบลทดสอบรหัสทางโทรศัพท์").create();
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    /** A browser: its cookies, kept from answer to answer, and the network address it sends from. */
    final class Visitor {
        final Map<String, Cookie> cookies = new LinkedHashMap<>();
        final String address;
        String html;

        Visitor(String address) {
            this.address = address;
        }

        MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
            request.with(r -> {
                r.setRemoteAddr(address);
                return r;
            });
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
            for (Cookie c : r.getCookies()) {
                if (c.getMaxAge() == 0) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c);
                }
            }
            html = r.getContentAsString();
            return r;
        }

        MockHttpServletResponse open() throws Exception {
            return perform(get(base()));
        }

        MockHttpServletResponse form(String path, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("t", token());
            all.putAll(fields);
            String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(java.util.stream.Collectors.joining("&"));
            return perform(post(base() + path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body));
        }

        MockHttpServletResponse phone(String written) throws Exception {
            return form("/phone", Map.of("phone", written));
        }

        MockHttpServletResponse code(String code) throws Exception {
            return form("/code", Map.of("code", code));
        }

        String token() {
            Matcher m = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(html);
            assertThat(m.find()).as("the page carries a form token: " + html).isTrue();
            return m.group(1);
        }

        /** Opens the survey, checks the phone with the code the gateway received, and ends on the questionnaire. */
        void checkPhone(String written, String to) throws Exception {
            open();
            MockHttpServletResponse sent = phone(written);
            assertThat(sent.getStatus()).as(html).isEqualTo(303);
            assertThat(sent.getRedirectedUrl()).isEqualTo(base() + "/code");
            perform(get(base() + "/code"));
            MockHttpServletResponse checked = code(GATEWAY.last(to).code());
            assertThat(checked.getStatus()).as(html).isEqualTo(303);
            assertThat(checked.getRedirectedUrl()).isEqualTo(base());
            assertThat(open().getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse answer() throws Exception {
            return form("", SurveyAnswersIT.complete(eit, "4"));
        }
    }

    String base() {
        return "/s/eit/" + agency.code().value();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    long stored() {
        return jdbc.sql("select count(*) from survey_response where agency_code = ?").param(agency.code().value()).query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where agency_code = ?").param(agency.code().value()).query(Long.class).single();
    }

    @Test
    void aServiceUserChecksTheirPhoneWithTheSmsCodeAndAnswersAndThePhoneIsSpentWithTheAnswer() throws Exception {
        Visitor v = new Visitor("10.1.0.1");
        MockHttpServletResponse first = v.open();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(v.html).as("the phone step comes before the questionnaire").contains("id=\"f-phone\"").contains("type=\"tel\"")
                .doesNotContain("<fieldset").contains(agency.nameTh());

        MockHttpServletResponse sent = v.phone("081-234-5671");
        assertThat(sent.getStatus()).isEqualTo(303);
        FakeSmsGateway.Message sms = GATEWAY.last("66812345671");
        assertThat(sms.text()).contains(agency.nameTh()).contains(sms.code());
        assertThat(sms.authorization()).isEqualTo("Bearer test-only");
        assertThat(sms.contentType()).startsWith("application/json");

        v.perform(get(sent.getRedirectedUrl()));
        assertThat(v.html).contains("autocomplete=\"one-time-code\"").contains("inputmode=\"numeric\"").contains("กรอกรหัสจาก SMS");
        MockHttpServletResponse checked = v.code(sms.code());
        assertThat(checked.getStatus()).isEqualTo(303);
        assertThat(v.cookies).containsKey(PhoneProofs.proofName(agency.code())).doesNotContainKey(PhoneProofs.PENDING);
        assertThat(v.cookies.get(PhoneProofs.proofName(agency.code())).getValue()).doesNotContain("812345671");
        assertThat(count("survey_phone_code")).as("a code is gone once used").isZero();

        v.open();
        assertThat(v.html).contains("<fieldset");
        MockHttpServletResponse answered = v.answer();
        assertThat(answered.getStatus()).isEqualTo(303);
        assertThat(answered.getRedirectedUrl()).endsWith("/thanks");
        assertThat(stored()).isEqualTo(1);
        assertThat(count("survey_spent_phone")).isEqualTo(1);
        assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'survey_spent_phone'")
                .query(String.class).list()).containsExactlyInAnyOrder("fiscal_year", "agency_code", "phone_hash");

        // the same phone from another browser: told so once its code is entered, and nothing is stored
        Visitor other = new Visitor("10.1.0.2");
        other.open();
        other.phone("+66 81 234 5671");
        other.perform(get(base() + "/code"));
        MockHttpServletResponse again = other.code(GATEWAY.last("66812345671").code());
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(other.html).contains("หมายเลขนี้ตอบแบบสำรวจนี้แล้ว");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void twoBrowsersCheckedWithOnePhoneGiveOneAnswer() throws Exception {
        Visitor a = new Visitor("10.2.0.1");
        Visitor b = new Visitor("10.2.0.2");
        a.checkPhone("0912345672", "66912345672");
        b.checkPhone("091 234 5672", "66912345672");

        assertThat(a.answer().getStatus()).isEqualTo(303);
        MockHttpServletResponse second = b.answer();

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(b.html).contains("หมายเลขนี้ตอบแบบสำรวจนี้แล้ว");
        assertThat(stored()).isEqualTo(1);
        assertThat(count("survey_spent_phone")).isEqualTo(1);
    }

    @Test
    void thePhonesDigitsAreNowhereInTheDatabase() throws Exception {
        Visitor v = new Visitor("10.3.0.1");
        v.checkPhone("+66 6 1234 5673", "66612345673");
        assertThat(v.answer().getStatus()).isEqualTo(303);
        Visitor pending = new Visitor("10.3.0.2");
        pending.open();
        assertThat(pending.phone("061-234-5674").getStatus()).isEqualTo(303);
        assertThat(count("survey_phone_code")).as("a code waiting to be entered").isEqualTo(1);

        List<String> tables = jdbc.sql("select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables"
                + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')").query(String.class).list();
        assertThat(tables).contains("public.survey_spent_phone", "public.survey_phone_code", "public.survey_response");
        for (String table : tables) {
            for (String digits : List.of("612345673", "612345674")) {
                long found = jdbc.sql("select count(*) from " + table + " t where t::text like ?").param("%" + digits + "%")
                        .query(Long.class).single();
                assertThat(found).as(digits + " in " + table).isZero();
            }
        }
    }

    @Test
    void aWrongCodeLeavesFourMoreTriesThenANewCodeIsNeeded() throws Exception {
        Visitor v = new Visitor("10.4.0.1");
        v.open();
        v.phone("0812345675");
        v.perform(get(base() + "/code"));
        String right = GATEWAY.last("66812345675").code();
        String wrong = right.equals("000000") ? "111111" : "000000";

        MockHttpServletResponse first = v.code(wrong);
        assertThat(first.getStatus()).isEqualTo(400);
        assertThat(v.html).contains("รหัสไม่ถูกต้อง กรอกได้อีก 4 ครั้ง").contains("id=\"err-code\"")
                .contains("aria-describedby=\"hint-code err-code\"");
        assertThat(v.code("12a456").getStatus()).isEqualTo(400);
        assertThat(v.html).as("not six digits: not counted as a try").contains("กรุณากรอกรหัสตัวเลข 6 หลัก");
        for (int i = 0; i < 3; i++) {
            assertThat(v.code(wrong).getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse last = v.code(wrong);
        assertThat(last.getStatus()).isEqualTo(400);
        assertThat(v.html).contains("กรอกรหัสผิดเกินจำนวนครั้งที่กำหนด").contains("id=\"f-phone\"");
        assertThat(count("survey_phone_code")).isZero();

        assertThat(v.code(right).getStatus()).as("the right code after the tries ran out").isEqualTo(400);
        assertThat(v.cookies).doesNotContainKey(PhoneProofs.proofName(agency.code()));
        assertThat(v.open().getStatus()).isEqualTo(200);
        assertThat(v.html).doesNotContain("<fieldset");
    }

    @Test
    void anExpiredCodeIsRefusedAndANewOneWorks() throws Exception {
        Visitor v = new Visitor("10.5.0.1");
        v.open();
        v.phone("0812345676");
        v.perform(get(base() + "/code"));
        String code = GATEWAY.last("66812345676").code();
        jdbc.sql("update survey_phone_code set expires_at = ? where agency_code = ?")
                .params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), agency.code().value()).update();

        assertThat(v.code(code).getStatus()).isEqualTo(400);
        assertThat(v.html).contains("รหัสนี้หมดอายุแล้ว");
        assertThat(count("survey_phone_code")).isZero();

        v.checkPhone("0812345676", "66812345676");
        assertThat(v.html).contains("<fieldset");
    }

    @Test
    void aNumberThatIsNotAThaiMobileIsRefusedByItsFieldAndNothingIsSent() throws Exception {
        Visitor v = new Visitor("10.6.0.1");
        v.open();
        int before = GATEWAY.all().size();
        for (String bad : List.of("02-123-4567", "+1 415 555 0100", "08123", "โทร 0812345678", "")) {
            MockHttpServletResponse r = v.phone(bad);
            assertThat(r.getStatus()).as(bad).isEqualTo(400);
            assertThat(v.html).contains("ไม่ใช่หมายเลขโทรศัพท์มือถือของไทย").contains("id=\"err-phone\"")
                    .contains("aria-invalid=\"true\"").contains("href=\"#f-phone\"");
        }
        v.perform(get(base() + "?lang=en"));
        v.phone("12345");
        assertThat(v.html).contains("This is not a Thai mobile number");
        assertThat(GATEWAY.all()).hasSize(before);
        assertThat(count("survey_phone_code")).isZero();

        Visitor forged = new Visitor("10.6.0.2");
        forged.html = "name=\"t\" value=\"AAAA.AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA\"";
        assertThat(forged.phone("0812345677").getStatus()).as("a form from another site or browser").isEqualTo(400);
        assertThat(GATEWAY.all()).hasSize(before);
    }

    @Test
    void aPhoneGetsThreeCodesAnHourThenA429WithRetryAfter() throws Exception {
        Visitor v = new Visitor("10.7.0.1");
        v.open();
        for (int i = 0; i < 3; i++) {
            assertThat(v.phone("0899999901").getStatus()).isEqualTo(303);
            v.open();
        }
        MockHttpServletResponse fourth = v.phone("089-999-9901");
        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(v.html).contains("มากเกินไป").contains("60 นาที");
        assertThat(GATEWAY.count("66899999901")).isEqualTo(3);
    }

    @Test
    void oneAgencyPerDayAndOneNetworkAddressAreLimitedToo() throws Exception {
        Visitor office = new Visitor("10.8.0.1");
        office.open();
        for (int i = 0; i < PER_AGENCY_PER_DAY; i++) {
            assertThat(office.phone("08800000" + i + "0").getStatus()).isEqualTo(303);
            office.open();
        }
        MockHttpServletResponse agencyFull = office.phone("0880000099");
        assertThat(agencyFull.getStatus()).as("the agency's codes of the day are used up").isEqualTo(429);
        assertThat(Long.parseLong(agencyFull.getHeader("Retry-After"))).as("until midnight in Bangkok, from 10:00").isEqualTo(14 * 3600);
        Visitor elsewhere = new Visitor("10.8.0.2");
        elsewhere.open();
        assertThat(elsewhere.phone("0880000098").getStatus()).isEqualTo(429);
        assertThat(jdbc.sql("select sent from survey_phone_sends where agency_code = ?").param(agency.code().value())
                .query(Integer.class).single()).isEqualTo(PER_AGENCY_PER_DAY);

        // the same office, another agency: 10 codes an hour from one address, the refused ones not counted
        agency = fixtures.agency().type(AgencyType.SAO).create();
        office.open();
        for (int i = 0; i < 10 - PER_AGENCY_PER_DAY; i++) {
            assertThat(office.phone("08800001" + i + "0").getStatus()).isEqualTo(303);
            office.open();
        }
        MockHttpServletResponse addressFull = office.phone("0880000199");
        assertThat(addressFull.getStatus()).as("the 11th code asked from one address in an hour").isEqualTo(429);
        assertThat(office.html).contains("มากเกินไป");
        assertThat(GATEWAY.count("66880000099") + GATEWAY.count("66880000098") + GATEWAY.count("66880000199")).isZero();
    }

    @Test
    void whenTheGatewayFailsOrIsTooSlowTheAnswerIsA503AndNothingIsStored() throws Exception {
        Visitor v = new Visitor("10.9.0.1");
        v.open();
        GATEWAY.mode(FakeSmsGateway.Mode.FAIL);
        MockHttpServletResponse failed = v.phone("0812345670");
        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(failed.getHeader("Retry-After")).isNotBlank();
        assertThat(v.html).contains("ขณะนี้ระบบส่ง SMS ไม่ได้").contains("id=\"f-phone\"").contains("0812345670");

        GATEWAY.mode(FakeSmsGateway.Mode.SLOW);
        long started = System.nanoTime();
        MockHttpServletResponse slow = v.phone("0812345670");
        assertThat(slow.getStatus()).isEqualTo(503);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds waited with a 1 s timeout").isLessThan(2_500);

        assertThat(count("survey_phone_code")).isZero();
        assertThat(count("survey_phone_sends")).isZero();
        assertThat(v.cookies).doesNotContainKey(PhoneProofs.PENDING);
        GATEWAY.mode(FakeSmsGateway.Mode.ACCEPT);
        assertThat(v.phone("0812345670").getStatus()).isEqualTo(303);
    }

    @Test
    void anAnswerWithoutACheckedPhoneIsNotStored() throws Exception {
        Visitor v = new Visitor("10.10.0.1");
        v.open();
        String phoneToken = v.token();
        MockHttpServletResponse r = v.form("", SurveyAnswersIT.complete(eit, "3"));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(v.html).contains("id=\"f-phone\"");
        assertThat(phoneToken).isNotBlank();
        assertThat(stored()).isZero();
        assertThat(v.perform(get(base() + "/code")).getStatus()).as("no code asked for: back to the phone step").isEqualTo(303);
    }

    @Test
    void withoutJavaScriptOnAPhoneTheNumberThenTheCodeThenTheQuestionnaire() throws Exception {
        try (Browser b = Browser.withoutJavaScript(390, 844)) {
            WebDriver d = b.driver();
            d.get(url());
            assertThat(d.findElement(By.tagName("h1")).getText()).contains("ยืนยันหมายเลขโทรศัพท์มือถือ");
            b.screenshot("phone-step-phone");
            d.findElement(By.id("f-phone")).sendKeys("081 234 5600");
            SurveyBrowserIT.send(d);
            assertThat(d.getCurrentUrl()).endsWith("/code");
            b.screenshot("phone-step-code");
            d.findElement(By.id("f-code")).sendKeys("000");
            SurveyBrowserIT.send(d);
            assertThat(d.findElement(By.id("errors")).getText()).contains("รหัสตัวเลข 6 หลัก");
            b.screenshot("phone-step-code-error");
            d.findElement(By.id("f-code")).sendKeys(GATEWAY.last("66812345600").code());
            SurveyBrowserIT.send(d);
            assertThat(d.findElements(By.cssSelector("fieldset .options"))).isNotEmpty();
            SurveyBrowserIT.answerAll(d, 3);
            SurveyBrowserIT.send(d);
            assertThat(d.getCurrentUrl()).endsWith("/thanks");
            assertThat(stored()).isEqualTo(1);
            assertThat(count("survey_spent_phone")).isEqualTo(1);
        }
    }

    @Test
    void axeFindsNothingOnThePhoneStep() throws Exception {
        try (Browser b = Browser.open(390, 844)) {
            WebDriver d = b.driver();
            d.get(url());
            SurveyBrowserIT.assertNoViolations(d, "phone step");
            d.findElement(By.id("f-phone")).sendKeys("02 123 4567");
            SurveyBrowserIT.send(d);
            assertThat(d.findElement(By.id("err-phone")).isDisplayed()).isTrue();
            SurveyBrowserIT.assertNoViolations(d, "phone step with a refused number");
            b.screenshot("phone-step-phone-error");
            d.findElement(By.id("f-phone")).clear();
            d.findElement(By.id("f-phone")).sendKeys("0812345601");
            SurveyBrowserIT.send(d);
            SurveyBrowserIT.assertNoViolations(d, "code step");
            d.findElement(By.id("f-code")).sendKeys("999999".equals(GATEWAY.last("66812345601").code()) ? "111111" : "999999");
            SurveyBrowserIT.send(d);
            SurveyBrowserIT.assertNoViolations(d, "code step with a wrong code");
            d.get(url() + "?lang=en");
            SurveyBrowserIT.assertNoViolations(d, "phone step in English");
            b.screenshot("phone-step-phone-en");
        }
    }

    String url() {
        return "http://localhost:" + PORT + base();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
