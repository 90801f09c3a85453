package org.openita.server.oit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.PeriodRule;
import org.openita.server.agency.Agency;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.support.TestWebsite;
import org.openita.server.testing.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14's "done means", as new users would do it on phones against a local agency website: the agency submits links
 * for every 2569 item, sees the pre-check's warnings for a missing page, a document of an older year and a link on
 * another domain, fixes two and submits; the assessor judges every item with the snapshots taken at submission; the
 * agency clarifies one item and the assessor accepts it; the confirmed OIT score shows on the results page and in the
 * report.
 */
class OitDoneMeansBrowserIT extends ServerTestSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final TestWebsite SITE;

    static {
        try {
            SITE = TestWebsite.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopTheSite() {
        SITE.close();
    }

    @Autowired
    ApplicationContext context;

    FiscalYear year;
    FrameworkDefinition def;
    Agency agency;
    Fixtures.Person admin;
    Fixtures.Person assessor;

    LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(year.buddhistEra() - FiscalYear.BE_OFFSET, month, dayOfMonth);
    }

    /** The year an item's evidence must be for. */
    int expected(OitItem item) {
        return item.period() == PeriodRule.PREVIOUS_FISCAL_YEAR ? year.buddhistEra() - 1 : year.buddhistEra();
    }

    /** The agency's page for an item: its title, the year, and the item's first key term. */
    void publish(OitItem item) {
        SITE.html("/ita/" + item.code(), item.title().th() + " ปีงบประมาณ พ.ศ. " + expected(item),
                "หน่วยงานเผยแพร่ " + item.keyTerms().get(0) + " ประจำปีงบประมาณ พ.ศ. " + expected(item) + " ตามหัวข้อ " + item.title().th());
    }

    String link(OitItem item) {
        return switch (item.code()) {
            case "o5" -> SITE.url("/files/o5-old.docx"); // a document of two years before
            case "o10" -> SITE.elsewhere("/ita/o10"); // the right page, reached on another host name
            default -> SITE.url("/ita/" + item.code()); // o3's page is not there
        };
    }

    String base() {
        return publicBaseUrl();
    }

    @Test
    void anAgencySubmitsAnAssessorJudgesTheAgencyClarifiesAndTheConfirmedScoreShows() throws Exception {
        var calendar = fixtures.cycleCalendar();
        calendar.create();
        year = calendar.year();
        def = fixtures.activeFramework(year, 2569);
        agency = fixtures.agency().named("เทศบาลตำบลทดลองเปิดเผยข้อมูล").website(SITE.home()).create();
        admin = fixtures.person(Role.AGENCY_ADMIN).named("ปลัดเทศบาลทดลอง").of(agency.code().value()).create();
        assessor = fixtures.person(Role.ASSESSOR).named("ผู้ประเมินทดลอง OIT").seeing(agency.code()).create();
        for (OitItem item : def.oitItems()) {
            if (!item.code().equals("o3")) {
                publish(item);
            }
        }
        SITE.docx("/files/o5-old.docx", "แผนดำเนินงานและการใช้งบประมาณประจำปี", "ปีงบประมาณ พ.ศ. " + (year.buddhistEra() - 2));
        String code = agency.code().value();
        String oit = base() + "/agency/" + code + "/oit/" + year.buddhistEra();
        try (var workers = org.openita.server.oit.internal.queue.TestWorkers.start(context, java.util.Arrays.asList(SITE.allowList().split(",")), code)) {
            walk(code, oit);
        }
    }

    void walk(String code, String oit) throws Exception {

        // 1. the agency, during the submission phase, saves a link for every item
        clock.setToday(day(3, 10));
        try (Browser b = Browser.open(390, 1400)) {
            ChromeDriver d = b.driver();
            b.signIn(base(), admin.username(), admin.password());
            d.get(base() + "/agency/" + code);
            d.findElement(By.cssSelector("[data-testid=oit-card-link]")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=oit-progress]")).getText()).isEqualTo("ส่งแล้ว 0 จาก 26 ข้อ");
            b.screenshot("oit-1-items"); fits(d);
            for (OitItem item : def.oitItems()) {
                save(d, oit, item, link(item), "save");
            }
            // the pre-check's warnings, each on its item's page
            assertThat(warnings(d, oit, "o3")).containsExactly("not-found");
            b.screenshot("oit-2-missing-page"); fits(d);
            assertThat(warnings(d, oit, "o5")).contains("other-year");
            assertThat(text(d)).contains("ปี " + (year.buddhistEra() - 2));
            b.screenshot("oit-3-older-document");
            assertThat(warnings(d, oit, "o10")).containsExactly("other-domain");
            b.screenshot("oit-4-other-domain");
            assertThat(warnings(d, oit, "o23")).isEmpty();

            // two fixed: the document of the right year, and the page on the agency's own site; o3 left as it is
            SITE.docx("/files/o5.docx", "แผนดำเนินงานและการใช้งบประมาณประจำปี", "ปีงบประมาณ พ.ศ. " + year.buddhistEra());
            save(d, oit, def.oitItem("o5").orElseThrow(), SITE.url("/files/o5.docx"), "save");
            assertThat(warnings(d, oit, "o5")).isEmpty();
            save(d, oit, def.oitItem("o10").orElseThrow(), SITE.url("/ita/o10"), "save");
            assertThat(warnings(d, oit, "o10")).isEmpty();

            // submitted, item by item
            for (OitItem item : def.oitItems()) {
                d.get(oit + "/" + item.code());
                d.findElement(By.cssSelector("[data-testid=oit-submit]")).click();
                new WebDriverWait(d, WAIT).until(x -> x.getCurrentUrl().contains("done=submitted"));
            }
            d.get(oit);
            assertThat(d.findElement(By.cssSelector("[data-testid=oit-progress]")).getText()).isEqualTo("ส่งแล้ว 26 จาก 26 ข้อ");
            b.screenshot("oit-5-all-submitted"); fits(d);
        }
        // every submitted link has its snapshot (the check taken for the submission)
        waitUntil(() -> jdbc.sql("select count(*) from oit_submitted_link where agency_code = ? and fiscal_year = ? and check_id is null")
                .params(code, year.buddhistEra()).query(Long.class).single() == 0);

        // 2. the assessor, in the review phase, judges every item with the snapshots
        clock.setToday(day(5, 10));
        String review = base() + "/oit/review/" + code + "/" + year.buddhistEra();
        try (Browser b = Browser.open(390, 1400)) {
            ChromeDriver d = b.driver();
            b.signIn(base(), assessor.username(), assessor.password());
            d.findElement(By.cssSelector("[data-testid=nav-oit-review]")).getAttribute("href");
            d.get(base() + "/oit/review");
            assertThat(text(d)).contains(agency.nameTh());
            b.screenshot("oit-6-assessor-queue"); fits(d);
            for (OitItem item : def.oitItems()) {
                d.get(review + "/" + item.code());
                if (item.code().equals("o23")) {
                    b.screenshot("oit-7-assessor-item");
                }
                if (item.code().equals("o9")) {
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.querySelector('[data-testid=oit-verdict]').scrollIntoView()");
                    b.screenshot("oit-7b-assessor-components"); fits(d);
                }
                for (var c : item.components()) {
                    boolean passes = !item.code().equals("o3") && !(item.code().equals("o20") && c.code().equals("1"));
                    d.findElement(By.cssSelector("[data-testid=" + (passes ? "pass-" : "fail-") + c.code() + "]")).click();
                    if (!passes) {
                        d.findElement(By.cssSelector("[data-testid=comment-" + c.code() + "]"))
                                .sendKeys(item.code().equals("o3") ? "ไม่พบหน้าเว็บตามลิงก์ที่ส่ง" : "ไม่พบประกาศเจตนารมณ์ที่ลงนามโดยผู้บริหาร");
                    }
                }
                d.findElement(By.cssSelector("[data-testid=oit-verdict-save]")).click();
                new WebDriverWait(d, WAIT).until(x -> !x.findElements(By.cssSelector("[data-testid=oit-saved]")).isEmpty());
            }
            // the snapshot taken at submission, not the site today
            d.get(review + "/o23");
            String snapshot = d.findElement(By.cssSelector("[data-testid=oit-snapshot]")).getAttribute("href");
            SITE.html("/ita/o23", "หน้านี้เปลี่ยนไปแล้ว", "เนื้อหาใหม่");
            d.get(snapshot);
            assertThat(d.getPageSource()).contains(def.oitItem("o23").orElseThrow().title().th()).doesNotContain("หน้านี้เปลี่ยนไปแล้ว");
            b.screenshot("oit-8-snapshot");
        }

        // 3. the agency clarifies o20 in the clarification phase
        clock.setToday(day(6, 5));
        try (Browser b = Browser.open(390, 1400)) {
            ChromeDriver d = b.driver();
            b.signIn(base(), admin.username(), admin.password());
            d.get(oit);
            d.findElement(By.cssSelector("[data-testid=oit-verdicts-link]")).click();
            assertThat(text(d)).contains("ไม่พบประกาศเจตนารมณ์ที่ลงนามโดยผู้บริหาร", "ไม่พบหน้าเว็บตามลิงก์ที่ส่ง");
            WebElement form = d.findElements(By.cssSelector("[data-testid=oit-clarify-form]")).stream()
                    .filter(f -> f.findElement(By.name("item")).getAttribute("value").equals("o20")).findFirst().orElseThrow();
            form.findElement(By.cssSelector("[data-testid=oit-clarify-text]"))
                    .sendKeys("ประกาศเจตนารมณ์ที่ผู้บริหารลงนามอยู่ในลิงก์เดิมที่ส่งไว้ ย่อหน้าที่สองของหน้า");
            form.findElement(By.cssSelector("[data-testid=oit-clarify-submit]")).click();
            new WebDriverWait(d, WAIT).until(x -> !x.findElements(By.cssSelector("[data-testid=oit-filed]")).isEmpty());
            b.screenshot("oit-9-clarified"); fits(d);
        }

        // 4. the assessor reads the explanation beside the snapshot and accepts it; then confirms in the confirmation phase
        clock.setToday(day(6, 10));
        try (Browser b = Browser.open(390, 1400)) {
            ChromeDriver d = b.driver();
            b.signIn(base(), assessor.username(), assessor.password());
            d.get(review + "/o20");
            assertThat(d.findElement(By.cssSelector("[data-testid=oit-clarification]")).getText()).contains("ย่อหน้าที่สองของหน้า");
            assertThat(d.findElements(By.cssSelector("[data-testid=oit-snapshot]"))).isNotEmpty();
            b.screenshot("oit-10-clarification-beside-snapshot"); fits(d);
            d.findElement(By.cssSelector("[data-testid=pass-1]")).click();
            d.findElement(By.cssSelector("[data-testid=oit-verdict-save]")).click();
            new WebDriverWait(d, WAIT).until(x -> !x.findElements(By.cssSelector("[data-testid=oit-saved]")).isEmpty());

            clock.setToday(day(6, 20));
            d.get(review);
            d.findElement(By.cssSelector("[data-testid=oit-confirm]")).click();
            new WebDriverWait(d, WAIT).until(x -> !x.findElements(By.cssSelector("[data-testid=oit-all-confirmed]")).isEmpty());
            b.screenshot("oit-11-confirmed"); fits(d);
        }

        // 5. the confirmed score: o3 fails, every other item passes
        double nine = 18.0 / 19 * 100;
        double oitScore = (nine + 100) / 2;
        try (Browser b = Browser.open(390, 1600)) {
            ChromeDriver d = b.driver();
            b.signIn(base(), admin.username(), admin.password());
            d.get(base() + "/agency/" + code + "/results/" + year.buddhistEra());
            String page = text(d);
            b.screenshot("oit-12-results"); fits(d);
            assertThat(page).contains("OIT " + two(oitScore)).contains(two(nine));
        }
        byte[] pdf = mvc.perform(get("/agency/" + code + "/results/" + year.buddhistEra() + "/report.pdf").param("digits", "arabic")
                .with(admin.signedIn())).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(pdfText).contains(two(oitScore), two(nine), "o3");
        }
    }

    /** The page does not scroll sideways on the 390 px phone. */
    static void fits(ChromeDriver d) {
        Number wide = (Number) d.executeScript("return document.scrollingElement.scrollWidth");
        assertThat(wide.intValue()).as(d.getCurrentUrl() + " is wider than the phone").isLessThanOrEqualTo(390);
    }

    static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String text(ChromeDriver d) {
        return d.findElement(By.tagName("main")).getText().replaceAll("\\s+", " ");
    }

    /** Types the link on the item's page and saves or submits it. */
    static void save(ChromeDriver d, String oit, OitItem item, String link, String action) {
        d.get(oit + "/" + item.code());
        WebElement links = d.findElement(By.id("links"));
        links.clear();
        links.sendKeys(link);
        d.findElement(By.cssSelector("[data-testid=oit-" + action + "]")).click();
        new WebDriverWait(d, WAIT).until(x -> x.getCurrentUrl().contains("done="));
    }

    /** The warning codes of an item's link once its check has finished (the page polls while it runs). */
    static List<String> warnings(ChromeDriver d, String oit, String item) {
        d.get(oit + "/" + item);
        new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("[data-testid=oit-check-pending]")).isEmpty()
                && !x.findElements(By.cssSelector("[data-testid=oit-warnings], [data-testid=oit-no-warnings]")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('checks').scrollIntoView()");
        return d.findElements(By.cssSelector("[data-testid=oit-warnings] li")).stream().map(e -> e.getAttribute("data-code")).toList();
    }

    void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(200);
        }
    }
}
