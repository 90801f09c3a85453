package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrators' survey pages in Chromium, on a desk-wide and a phone-wide window, with axe-core (WCAG 2.0/2.1 A
 * and AA, as on the answer pages): the agency's survey card while answers are taken and once closed, the central
 * progress list, the closing page before and after closing, the reopen page, and the results page with its note of a
 * part below the minimum. Each pass closes the year by the form and reopens it by the form, as the central
 * administrator would. Screenshots under target/screenshots (survey-admin-*) for a person to look at.
 */
class SurveyAdminPagesBrowserIT extends ServerTestSupport {

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;

    @Test
    void axeFindsNothingOnTheAdministratorsSurveyPagesOpenOrClosed() throws Exception {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8);
        clock.setToday(y.surveyDay());
        windows.forget();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().named("องค์การบริหารส่วนตำบลหนองบัวน้ำใส").staff(40).create();
        new SurveyResponses(jdbc).iit(a.code(), y.definition(), 7);
        new SurveyResponses(jdbc).eit(a.code(), y.definition(), y.surveyDay(), 9);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        String base = publicBaseUrl();
        for (int width : new int[] {1280, 390}) {
            try (Browser agency = Browser.open(width, 1600); Browser centre = Browser.open(width, 1600)) {
                agency.signIn(base, admin.username(), admin.password());
                centre.signIn(base, central.username(), central.password());

                look(agency, base + "/agency/" + a.code(), "card-open-" + width);
                assertThat(text(agency, "#surveys")).contains("กำลังเปิดรับคำตอบ", "พิมพ์บัตร IIT");
                look(centre, base + "/surveys?year=" + year, "list-" + width);
                look(centre, base + "/surveys/close/" + year, "close-before-" + width);
                assertThat(text(centre, "[data-testid=below-minimum]")).contains("ยังได้คำตอบ IIT หรือ EIT ส่วนที่ 1 ไม่ถึงจำนวนขั้นต่ำ");

                // close by the form
                centre.driver().findElement(By.id("confirm")).click();
                press(centre, "close-submit");
                assertThat(text(centre, "[data-testid=closed]")).contains("ปิดการสำรวจปี " + year + " แล้ว");
                check(centre, "close-after-" + width);
                look(centre, base + "/surveys/close", "closing-years-" + width);
                look(agency, base + "/agency/" + a.code(), "card-closed-" + width);
                assertThat(text(agency, "[data-testid=cycle-banner]")).contains("ปิดรับคำตอบแล้ว");
                assertThat(agency.driver().findElements(By.cssSelector("[data-testid=slips-form]"))).isEmpty();
                look(agency, base + "/agency/" + a.code() + "/results/" + year, "results-note-" + width);
                assertThat(text(agency, "[data-testid=result-below-minimum]")).contains("IIT ได้คำตอบ 7 ชุด น้อยกว่าจำนวนขั้นต่ำ 10 ชุด");

                // reopen by the form, with a reason
                look(centre, base + "/surveys/close/" + year + "/reopen", "reopen-" + width);
                centre.driver().findElement(By.id("reason")).sendKeys("ปิดก่อนกำหนดโดยไม่ได้ตั้งใจ");
                centre.driver().findElement(By.id("confirm")).click();
                press(centre, "reopen-submit");
                assertThat(text(centre, "[data-testid=reopened]")).contains("เปิดรับคำตอบปี " + year + " อีกครั้งแล้ว");
                check(centre, "reopened-" + width);
            }
        }
    }

    /** Presses a form's button and waits until the browser has left the page. */
    private static void press(Browser b, String testId) {
        org.openqa.selenium.WebElement page = b.driver().findElement(By.tagName("html"));
        b.driver().findElement(By.cssSelector("[data-testid=" + testId + "]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private static String text(Browser b, String css) {
        return b.driver().findElement(By.cssSelector(css)).getText();
    }

    /** Opens the page, then checks it (axe, width) and keeps a screenshot of the whole page. */
    private static void look(Browser b, String url, String name) throws Exception {
        b.driver().get(url);
        check(b, name);
    }

    private static void check(Browser b, String name) throws Exception {
        org.openqa.selenium.chrome.ChromeDriver d = b.driver();
        assertThat(d.findElements(By.cssSelector("main"))).as(name + ": a page, not an error").isNotEmpty();
        SurveyBrowserIT.assertNoViolations(d, name);
        Object wide = d.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) wide).intValue()).as(name + ": page wider than the window by").isLessThanOrEqualTo(0);
        long height = ((Number) d.executeScript("return document.documentElement.scrollHeight;")).longValue();
        d.manage().window().setSize(new org.openqa.selenium.Dimension(d.manage().window().getSize().width, (int) Math.min(height + 140, 4000)));
        b.screenshot("survey-admin-" + name);
        d.manage().window().setSize(new org.openqa.selenium.Dimension(d.manage().window().getSize().width, 1600));
    }
}
