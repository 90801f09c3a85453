package org.openita.server.web;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a 390 px phone screen the pages an agency uses most do not scroll sideways: the measures table stacks
 * into cards, the results tables and the HTML reports fit, and a measure's dates are typed in the Buddhist
 * era in a plain text field. Screenshots land in target/screenshots (phone-*.png) for a person to look at.
 */
class PhoneScreenBrowserIT extends ServerTestSupport {

    static final String CODE = "PH-1";
    static final int WIDTH = 390;
    /** What sticks out past the right edge, for the failure message. */
    static final String WIDE = "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > "
            + WIDTH + ").slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)"
            + " + ' ' + (e.textContent || '').trim().slice(0, 40)).join(' | ')";
    /** Cells narrower than their text; a stacked table's header row is hidden as a 1 px clip and does not count. */
    static final String OVERFLOWING_CELLS = "return Array.from(document.querySelectorAll('td,th')).filter(c => c.clientWidth > 8 && c.scrollWidth > c.clientWidth + 1)"
            + ".map(c => c.textContent.trim().slice(0, 20) + ' ' + c.scrollWidth + '>' + c.clientWidth).join(' | ')";
    static final String INNER_SCROLL = "return Array.from(document.querySelectorAll('.card')).filter(c => c.scrollWidth > c.clientWidth)"
            + ".map(c => (c.querySelector('[data-testid]') || c).getAttribute('data-testid') + ' ' + c.scrollWidth).join(' | ')";

    @LocalServerPort
    int port;
    @Autowired
    ResultImports imports;
    @Autowired
    MeasurePlans plans;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    /** Opens a page, checks it has no sideways scroll at 390 px, and saves a screenshot of it. */
    private void fits(Browser browser, String path, String name) throws Exception {
        WebDriver d = browser.driver();
        d.get(url(path));
        JavascriptExecutor js = (JavascriptExecutor) d;
        assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(WIDTH);
        long scroll = ((Number) js.executeScript("return document.scrollingElement.scrollWidth")).longValue();
        screenshot(browser, name);
        assertThat(scroll).as(path + " is " + scroll + " px wide; sticking out: " + js.executeScript(WIDE)).isLessThanOrEqualTo(WIDTH);
        // nor does any table scroll sideways inside its card
        assertThat(js.executeScript(INNER_SCROLL)).as(path + ": tables scrolling inside their card").isEqualTo("");
        // nor is any cell narrower than what it holds (figures would run into the next column)
        assertThat(js.executeScript(OVERFLOWING_CELLS)).as(path + ": cells whose text runs past their border").isEqualTo("");
    }

    /** The whole page, not only the first screen: the emulated screen is made as tall as the page for the shot. */
    private static void screenshot(Browser browser, String name) throws Exception {
        long height = ((Number) browser.driver().executeScript("return document.scrollingElement.scrollHeight")).longValue();
        phone(browser, (int) Math.min(height, 12000));
        browser.screenshot("phone-" + name);
        phone(browser, 844);
    }

    private static void phone(Browser browser, int height) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The most the header may take of the first screen at 390x844: one line of brand, language and menu button. */
    static final int HEADER_MAX = 64;

    /**
     * At 390x844 the header is one line (brand, language, menu button), its links folded away; the menu button
     * opens them, and works with scripts off as well (a label for a checkbox).
     */
    private static void headerIsCompact(Browser browser, String name) throws Exception {
        phone(browser, 844);
        WebDriver d = browser.driver();
        WebElement header = d.findElement(By.cssSelector("header.site"));
        assertThat(header.getRect().getHeight()).as("header height at 390x844").isLessThanOrEqualTo(HEADER_MAX);
        WebElement nav = d.findElement(By.cssSelector("header.site nav.user"));
        assertThat(nav.isDisplayed()).isFalse();
        browser.screenshot("phone-header-" + name + "-closed");
        d.findElement(By.cssSelector("[data-testid=nav-button]")).click();
        assertThat(nav.isDisplayed()).isTrue();
        assertThat(nav.findElement(By.cssSelector("a[href='/open-data']")).isDisplayed()).isTrue();
        browser.screenshot("phone-header-" + name + "-open");
        d.findElement(By.cssSelector("[data-testid=nav-button]")).click();
        assertThat(nav.isDisplayed()).isFalse();
    }

    private void agencyWithResultsAndMeasures() throws Exception {
        registry.importFile("test", "ph.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด,หน่วยงานภายใน\n"
                + CODE + ",องค์การบริหารส่วนตำบลโทรศัพท์มือถือ,อบต.,เมือง,ขอนแก่น,สำนักปลัด;กองคลัง;กองช่าง;กองการศึกษา ศาสนาและวัฒนธรรม\n")
                .getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", "phone-admin", "ปลัด อบต.โทรศัพท์มือถือ", Role.AGENCY_ADMIN, "ph-pass-2569-long", CODE, List.of());
        jdbc.sql("update app_user set must_change_password = false where username = 'phone-admin'").update();
        String header = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,"
                + "ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n";
        String csv = header + CODE + ",2567,78.40,85,80,90,82,70,72,75,70,75,80\n" + CODE + ",2568,84.10,90,88,95,92,80,70,75,72,85,90\n";
        assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true)
                .problems()).isEmpty();
    }

    @Test
    void theAgencysPagesFitA390PixelScreen() throws Exception {
        // the drafts' months follow today's date, and the due date typed below must fall after the first one's start
        clock.setToday(LocalDate.of(2026, 11, 30));
        agencyWithResultsAndMeasures();
        try (Browser browser = Browser.open(500, 844)) {
            // a desktop window is at least 500 px wide: emulate the phone's screen (and its viewport rules) instead
            phone(browser, 844);
            WebDriver d = browser.driver();
            fits(browser, "/", "1-home");
            headerIsCompact(browser, "1-home");
            fits(browser, "/login", "2-sign-in");
            d.findElement(By.id("username")).sendKeys("phone-admin");
            d.findElement(By.id("password")).sendKeys("ph-pass-2569-long");
            d.findElement(By.cssSelector("form.form button")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=current-user]")));

            headerIsCompact(browser, "3-signed-in");
            fits(browser, "/agency/" + CODE + "/results/2568", "3-results");
            d.get(url("/agency/" + CODE + "/measures/2568"));
            WebElement start = d.findElement(By.cssSelector("[data-testid=start-from-drafts]"));
            start.click();
            waiting(d).until(ExpectedConditions.stalenessOf(start));
            fits(browser, "/agency/" + CODE + "/measures/2568", "4-measures");
            // the table stacks: each measure a card, its cells one under another
            WebElement firstRow = d.findElement(By.cssSelector("[data-testid=measures-table] tr[data-measure]"));
            List<WebElement> cells = firstRow.findElements(By.tagName("td"));
            assertThat(cells.get(1).getRect().getY()).isGreaterThan(cells.get(0).getRect().getY());
            assertThat(cells.get(2).getRect().getX()).isEqualTo(cells.get(1).getRect().getX());

            Measure m = plans.plan(AgencyCode.of(CODE), FiscalYear.of(2568)).orElseThrow().measures().get(0);
            String edit = "/agency/" + CODE + "/measures/2568/" + m.id();
            fits(browser, edit, "5-measure");
            // dates typed in a plain field, Buddhist era, Thai digits
            WebElement due = d.findElement(By.id("dueOn"));
            assertThat(due.getAttribute("type")).isEqualTo("text");
            due.clear();
            due.sendKeys("31/12/2026");
            WebElement save = d.findElement(By.cssSelector("[data-testid=save-measure]"));
            save.click();
            waiting(d).until(ExpectedConditions.stalenessOf(save));
            assertThat(d.findElement(By.id("dueOn-error")).getText()).contains("เป็นปี ค.ศ.", "พ.ศ. 2569");
            assertThat(d.findElement(By.id("dueOn")).getAttribute("aria-describedby")).isEqualTo("date-hint dueOn-error");
            assertThat(((Number) ((JavascriptExecutor) d).executeScript("return document.scrollingElement.scrollWidth")).intValue()).isLessThanOrEqualTo(WIDTH);
            screenshot(browser, "6-measure-date-refused");
            d.findElement(By.id("dueOn")).clear();
            d.findElement(By.id("dueOn")).sendKeys("๓๑/๑๒/๒๕๖๙");
            save = d.findElement(By.cssSelector("[data-testid=save-measure]"));
            save.click();
            waiting(d).until(ExpectedConditions.stalenessOf(save));
            assertThat(plans.measure(AgencyCode.of(CODE), FiscalYear.of(2568), m.id()).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));

            fits(browser, "/agency/" + CODE + "/results/2568/report.html", "7-report-html");
            fits(browser, "/agency/" + CODE + "/measures/2568/follow-up.html", "8-follow-up-html");
        }
    }
}
