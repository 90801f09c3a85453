package org.openita.server.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page as a person sees it in a real browser, on a desktop and on a phone. */
class HomePageBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    @Test
    void aVisitorReadsTheDemoAgencyAndSwitchesLanguage() throws Exception {
        try (Browser browser = Browser.open(1280, 1400)) {
            WebDriver d = browser.driver();
            d.get("http://localhost:" + port + "/");
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("ตัวอย่างหน่วยงาน: ผลการประเมินปีงบประมาณ พ.ศ. 2568");
            assertThat(d.findElement(By.cssSelector("[data-testid=overall]")).getText()).isEqualTo("99.17");
            assertThat(d.findElement(By.cssSelector("[data-testid=level]")).getText()).isEqualTo("ผ่านดี");
            assertThat(d.findElements(By.cssSelector("[data-testid=indicators] tbody tr")))
                    .hasSize(org.openita.core.framework.FrameworkLoader.shipped(2568).indicators().size()); // one row per indicator of the year
            Object fontReady = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.fonts.check('16px Sarabun')");
            assertThat(fontReady).isEqualTo(Boolean.TRUE);
            browser.screenshot("home-th");

            d.findElement(By.linkText("English")).click();
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Demo agency: results for fiscal year B.E. 2568");
            assertThat(d.findElement(By.cssSelector("[data-testid=level]")).getText()).isEqualTo("Good pass");
            browser.screenshot("home-en");

            d.get("http://localhost:" + port + "/");
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en"); // the choice is remembered
            d.findElement(By.linkText("ภาษาไทย")).click();
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("th");
        }
    }

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrolling() throws Exception {
        // the widest page a visitor sees: with this year's cycle banner showing a running phase, on a calendar of a
        // fiscal year no other test uses, with registration and data entry moved onto the day the clock is set to
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(org.openita.server.cycle.Phase.REGISTRATION,
                org.openita.server.cycle.Phase.DATA_ENTRY);
        calendar.create();
        clock.setToday(calendar.day());
        try (Browser browser = Browser.open(390, 1600)) {
            WebDriver d = browser.driver();
            d.get("http://localhost:" + port + "/");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            browser.screenshot("home-phone");
        }
    }
}
