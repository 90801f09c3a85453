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

    @org.springframework.beans.factory.annotation.Autowired
    org.openita.server.cycle.CycleService cycles;

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrolling() throws Exception {
        // the widest page a visitor sees: with this year's cycle banner showing a running phase
        // a day of fiscal year 2592, which no other test uses: the banner's phases are moved onto this day only
        java.time.LocalDate today = java.time.LocalDate.of(2048, 11, 15);
        clock.setToday(today);
        org.openita.core.framework.FiscalYear fy = org.openita.core.framework.FiscalYear.containing(today);
        java.util.List<org.openita.server.cycle.PhaseWindow> w = new java.util.ArrayList<>();
        for (org.openita.server.cycle.PhaseWindow d : org.openita.server.cycle.CycleCalendar.defaults(fy)) {
            w.add(d.phase() == org.openita.server.cycle.Phase.REGISTRATION || d.phase() == org.openita.server.cycle.Phase.DATA_ENTRY
                    ? new org.openita.server.cycle.PhaseWindow(d.phase(), today, today) : d);
        }
        assertThat(cycles.save("test", fy, w)).isEmpty();
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
