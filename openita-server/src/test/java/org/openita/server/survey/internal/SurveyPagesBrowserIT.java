package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The surveys card and the central progress list in Chromium, on a phone-wide and a desk-wide window: nothing wider
 * than the window, the links readable in their fields, axe-core (WCAG 2.1 A and AA) finds nothing on the list; screenshots under target/screenshots for a person to look at.
 */
class SurveyPagesBrowserIT extends ServerTestSupport {

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;

    @Test
    void theCardAndTheListFitAPhoneAndADesk() throws Exception {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 3);
        clock.setToday(y.surveyDay());
        windows.forget();
        Agency a = fixtures.agency().named("องค์การบริหารส่วนตำบลหนองบัวน้ำใส").staff(40).create();
        new SurveyResponses(jdbc).iit(a.code(), y.definition(), 6);
        new SurveyResponses(jdbc).eit(a.code(), y.definition(), y.surveyDay(), 2);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        for (int width : new int[] {390, 1280}) {
            try (Browser b = Browser.open(width, 2400)) {
                b.signIn(publicBaseUrl(), admin.username(), admin.password());
                b.driver().get(publicBaseUrl() + "/agency/" + a.code());
                WebElement card = b.driver().findElement(By.id("surveys"));
                assertThat(card.getText()).contains("ปีงบประมาณ พ.ศ. " + y.year().buddhistEra(), "พิมพ์บัตร IIT");
                assertThat(b.driver().findElement(By.id("iit-link")).getDomProperty("value")).isEqualTo(publicBaseUrl() + "/s/iit/" + a.code());
                assertFits(b);
                keep(card.getScreenshotAs(OutputType.FILE).toPath(), "survey-card-" + width);
            }
            try (Browser b = Browser.open(width, 2400)) {
                b.signIn(publicBaseUrl(), central.username(), central.password());
                // other tests' agencies share the list (a page holds 100): the agency is looked for by its code, as a person would
                b.driver().get(publicBaseUrl() + "/surveys?year=" + y.year().buddhistEra() + "&q=" + a.code());
                assertThat(b.driver().findElement(By.cssSelector("[data-testid=surveys-list]")).isDisplayed()).isTrue();
                WebElement row = b.driver().findElement(By.cssSelector("tr[data-code='" + a.code() + "']"));
                // 40 staff need 10 IIT answers (6 given), the EIT minimum here is 3 (2 given): each part its own shortfall
                assertThat(row.findElement(By.cssSelector("[data-testid=iit-short]")).getText()).isEqualTo("ยังขาดอีก 4 ชุด");
                assertThat(row.findElement(By.cssSelector("[data-testid=eit-short]")).getText()).isEqualTo("ยังขาดอีก 1 ชุด");
                assertThat(b.driver().findElement(By.cssSelector("[data-testid=counted-at]")).getText()).startsWith("นับจำนวนผู้ตอบเมื่อ");
                SurveyBrowserIT.assertNoViolations(b.driver(), "/surveys at " + width + " px");
                assertFits(b);
                keep(b.screenshot("survey-list-" + width), "survey-list-" + width);
            }
        }
    }

    private static void assertFits(Browser b) {
        Object wide = b.driver().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) wide).intValue()).as("page wider than the window by").isLessThanOrEqualTo(0);
    }

    private static void keep(Path png, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
