package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.cycle.Phase;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A respondent on a phone-sized screen: without JavaScript they answer the EIT from its link and the IIT with a slip;
 * with it, axe-core checks every state of the answer pages against WCAG 2.1 A and AA. The first load is weighed.
 */
class SurveyBrowserIT extends ServerTestSupport {

    @Autowired
    SurveyKeys keys;

    FiscalYear year;
    LocalDate day;
    Agency agency;

    @BeforeEach
    void openSurveys() {
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.SURVEY_COLLECTION);
        calendar.create();
        year = calendar.year();
        day = calendar.day();
        fixtures.activeFramework(year, 2570);
        clock.setToday(day);
        agency = fixtures.agency().type(AgencyType.SAO).named("องค์การบริหารส่วนตำบลทดลองตอบแบบสำรวจบนโทรศัพท์มือถือ").staff(30).create();
    }

    String url(String part) {
        return publicBaseUrl() + "/s/" + part + "/" + agency.code().value();
    }

    long stored(String part) {
        return jdbc.sql("select count(*) from survey_response where agency_code = ? and part = ?")
                .params(agency.code().value(), part).query(Long.class).single();
    }

    /** Chooses an option in every question the page shows: the n-th from the top, or the last when there are fewer. */
    static void answerAll(WebDriver d, int n) {
        for (WebElement options : d.findElements(By.cssSelector("fieldset .options"))) {
            List<WebElement> labels = options.findElements(By.tagName("label"));
            labels.get(Math.min(n, labels.size() - 1)).click();
        }
    }

    @Test
    void withoutJavaScriptAServiceUserAnswersTheEitFromItsLinkOnAPhone() throws Exception {
        try (Browser b = Browser.withoutJavaScript(390, 844)) {
            WebDriver d = b.driver();
            d.get(url("eit"));
            assertThat(d.findElement(By.tagName("h1")).getText()).contains("ผู้รับบริการ");
            b.screenshot("survey-eit-phone-form");

            send(d);
            assertThat(d.findElement(By.id("errors")).getText()).contains("กรุณาตรวจสอบคำตอบ").contains("ข้อ 1");
            b.screenshot("survey-eit-phone-errors");
            assertThat(stored("EIT_PUBLIC")).isZero();

            answerAll(d, 4);
            send(d);

            assertThat(d.findElement(By.tagName("main")).getText()).contains("ขอบคุณ");
            assertThat(d.getCurrentUrl()).endsWith("/thanks");
            b.screenshot("survey-eit-phone-thanks");
            assertThat(stored("EIT_PUBLIC")).isEqualTo(1);

            d.get(url("eit"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("ตอบแบบสำรวจนี้แล้ว");
        }
    }

    @Test
    void withoutJavaScriptAStaffMemberAnswersTheIitWithTheSlipTheyWereGiven() throws Exception {
        jdbc.sql("insert into survey_slip_issue (fiscal_year, agency_code, issued) values (?, ?, 1)")
                .params(year.buddhistEra(), agency.code().value()).update();
        SurveyKeys.Key key = keys.slips(year.buddhistEra());
        String slip = SlipCodes.make(key.secret(), year.buddhistEra(), agency.code(), key.version(), 1);
        try (Browser b = Browser.withoutJavaScript(390, 844)) {
            WebDriver d = b.driver();
            d.get(url("iit") + "?slip=" + slip);
            assertThat(d.findElement(By.id("f-slip")).getAttribute("value")).isEqualTo(slip);
            answerAll(d, 2);
            b.screenshot("survey-iit-phone-form");
            send(d);
            assertThat(d.findElement(By.tagName("main")).getText()).contains("ขอบคุณ");
            assertThat(stored("IIT")).isEqualTo(1);
        }
    }

    /** With JavaScript (most phones), answers chosen survive a reload; the thank-you page forgets them. */
    @Test
    void answersChosenStayChosenWhenThePageIsReloaded() throws Exception {
        try (Browser b = Browser.open(390, 844)) {
            WebDriver d = b.driver();
            d.get(url("eit"));
            answerAll(d, 3);
            long chosen = d.findElements(By.cssSelector("input[type=radio]")).stream().filter(WebElement::isSelected).count();
            d.navigate().refresh();
            long after = d.findElements(By.cssSelector("input[type=radio]")).stream().filter(WebElement::isSelected).count();
            assertThat(after).isEqualTo(chosen).isPositive();
            send(d);
            assertThat(d.getCurrentUrl()).endsWith("/thanks");
            assertThat(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.sessionStorage.length")).isEqualTo(0L);
        }
    }

    @Test
    void theFirstLoadIsUnder100KilobytesWithEverythingItLoads() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(url("eit"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img").doesNotContain("@font-face");
        List<String> loads = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|woff2?|ttf|png|svg))\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(loads).containsExactlyInAnyOrder("/css/survey.css", "/js/survey.js");
        long total = page.body().length;
        for (String l : loads) {
            total += http.send(HttpRequest.newBuilder(URI.create(publicBaseUrl() + l)).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        assertThat(total).as("HTML, CSS and script of the first load, uncompressed (bytes)").isLessThan(100 * 1024);
        System.out.println("[survey] first load of the EIT form: " + page.body().length + " bytes of HTML, " + total + " bytes in all");
    }

    @Test
    void axeFindsNothingOnAnyStateOfTheAnswerPages() throws Exception {
        try (Browser b = Browser.open(390, 844)) {
            WebDriver d = b.driver();
            d.get(url("eit"));
            assertNoViolations(d, "EIT form");
            send(d);
            assertNoViolations(d, "EIT form with errors");
            d.get(url("iit"));
            assertNoViolations(d, "IIT form");
            answerAll(d, 1);
            send(d);
            assertThat(d.getCurrentUrl()).endsWith("/thanks");
            assertNoViolations(d, "thank-you page");
            d.get(url("eit") + "?lang=en");
            assertNoViolations(d, "EIT form in English");
            d.get(publicBaseUrl() + "/s/eit/NO-SUCH-AGENCY");
            assertNoViolations(d, "not found");
            clock.setToday(day.minusDays(1));
            d.get(url("eit") + "?lang=th");
            assertThat(d.findElement(By.tagName("main")).getText()).contains("ยังไม่เปิด");
            assertNoViolations(d, "not open yet");
        }
    }

    /** Presses Send and waits until the browser has left the page (the next one is what the test then reads). */
    static void send(WebDriver d) {
        WebElement page = d.findElement(By.tagName("html"));
        d.findElement(By.cssSelector("button[type=submit]")).click();
        // the old page is gone once its element can no longer be asked: Chromium says so as "stale", or, when the
        // next page has already replaced it, as "does not belong to the document" (an unknown error to Selenium)
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30)).until(x -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    static void assertNoViolations(WebDriver d, String what) {
        Results r = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(d);
        assertThat(r.getViolations()).as(what + ": " + r.getViolations().stream().map(SurveyBrowserIT::describe).toList()).isEmpty();
    }

    static String describe(Rule v) {
        return v.getId() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList();
    }
}
