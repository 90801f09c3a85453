package org.openita.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agency administrator's year in a real browser: sign in, import the official 2568 results from the
 * template (a bad file first), read the results page, confirm the measures, record progress on two of
 * them, download both reports, publish, and open the public page signed out.
 */
class AgencyWorkspaceBrowserIT extends ServerTestSupport {

    static final String CODE = "WS-1";

    @LocalServerPort
    int port;
    @Autowired
    ResultImports imports;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fetches a download with the browser's session, as the browser would. */
    private HttpResponse<byte[]> fetch(WebDriver d, String path) throws Exception {
        String session = d.manage().getCookieNamed("SESSION") == null ? "" : d.manage().getCookieNamed("SESSION").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", "SESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    private static void click(WebDriver d, String testId) {
        WebElement e = d.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        e.click();
        waiting(d).until(driver -> gone(e));
    }

    /**
     * Whether the element has left the page. Chromium's driver sometimes reports an element caught while the page
     * is being replaced as "does not belong to the document" rather than as stale; both mean the next page came.
     */
    private static boolean gone(WebElement e) {
        try {
            return ExpectedConditions.stalenessOf(e).apply(null);
        } catch (org.openqa.selenium.WebDriverException x) {
            if (String.valueOf(x.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw x;
        }
    }

    private String pdfText(byte[] pdf) throws Exception {
        Path f = Files.createTempFile("report", ".pdf");
        Files.write(f, pdf);
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", f.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return text.replace("\n", ""); // lines wrap inside long phrases and links
    }

    @Test
    void fromOfficialResultsToThePublicPage() throws Exception {
        // the drafts' months and the milestones due so far follow today's date: the walk happens on a set day
        clock.setToday(java.time.LocalDate.of(2026, 11, 30));
        registry.importFile("test", "ws.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด,หน่วยงานภายใน\n"
                + CODE + ",องค์การบริหารส่วนตำบลหนองบัว,อบต.,เมือง,อุดรธานี,สำนักปลัด;กองคลัง;กองช่าง\n").getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", "nongbua", "ปลัด อบต.หนองบัว", Role.AGENCY_ADMIN, "nongbua-pass-2569", CODE, List.of());
        jdbc.sql("update app_user set must_change_password = false where username = 'nongbua'").update();
        String last = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,"
                + "ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n" + CODE + ",2567,78.40,85,80,90,82,70,72,75,70,75,80\n";
        assertThat(imports.run("nacc", ResultFile.Format.CSV, new ByteArrayInputStream(last.getBytes(StandardCharsets.UTF_8)), c -> true).ok()).isTrue();
        Path dir = Files.createTempDirectory("ws");

        try (Browser browser = Browser.open(1100, 1200)) {
            WebDriver d = browser.driver();
            d.get(url("/login"));
            d.findElement(By.id("username")).sendKeys("nongbua");
            d.findElement(By.id("password")).sendKeys("nongbua-pass-2569");
            d.findElement(By.cssSelector("form.form button")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=current-user]")));
            d.get(url("/agency"));
            assertThat(d.getCurrentUrl()).endsWith("/agency/" + CODE);
            click(d, "import-results");

            // the template, downloaded as the browser would, filled in with the published figures
            String template = new String(fetch(d, "/agency/" + CODE + "/results/template.csv?year=2568").body(), StandardCharsets.UTF_8);
            String[] lines = template.split("\r\n");
            List<String> header = List.of(lines[0].substring(1).split(",", -1));
            String[] row = lines[1].split(",", -1);
            String[][] figures = {{"คะแนนรวม", "๘๖.๔๒"}, {"ระดับผลการประเมิน", "ผ่าน"}, {"IIT", "91.20"}, {"EIT", "84.75"}, {"EIT ส่วนที่ 1", "86.10"},
                    {"EIT ส่วนที่ 2", "83.40"}, {"OIT", "84.00"}, {"ตัวชี้วัดที่ 1", "92"}, {"ตัวชี้วัดที่ 2", "90"}, {"ตัวชี้วัดที่ 3", "95"},
                    {"ตัวชี้วัดที่ 4", "91"}, {"ตัวชี้วัดที่ 5", "88"}, {"ตัวชี้วัดที่ 6", "81.50"}, {"ตัวชี้วัดที่ 7", "88.25"},
                    {"ตัวชี้วัดที่ 8", "84.50"}, {"ตัวชี้วัดที่ 9", "80"}, {"ตัวชี้วัดที่ 10", "88"}};
            for (String[] f : figures) {
                row[header.indexOf(f[0])] = f[1];
            }
            Path good = Files.writeString(dir.resolve("nongbua-2568.csv"), lines[0] + "\r\n" + String.join(",", row) + "\r\n", StandardCharsets.UTF_8);
            row[header.indexOf("ตัวชี้วัดที่ 6")] = "181.5";
            Path bad = Files.writeString(dir.resolve("nongbua-2568-typo.csv"), lines[0] + "\r\n" + String.join(",", row) + "\r\n", StandardCharsets.UTF_8);

            d.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
            d.findElement(By.cssSelector("form.form button")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=results-problems]")));
            assertThat(d.findElement(By.cssSelector("[data-testid=results-summary]")).getText()).contains("ไม่ได้นำเข้าข้อมูลใดเลย");
            assertThat(d.findElement(By.cssSelector("[data-testid=results-problems]")).getText()).contains("ตัวชี้วัดที่ 6");
            browser.screenshot("workspace-1-import-rejected");
            assertThat(jdbc.sql("select count(*) from agency_result where agency_code = ? and fiscal_year = 2568").param(CODE)
                    .query(Long.class).single()).isZero();

            d.get(url("/agency/" + CODE + "/results/import"));
            d.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
            d.findElement(By.cssSelector("form.form button")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=to-results]")));
            assertThat(d.findElement(By.cssSelector("[data-testid=results-summary]")).getText()).contains("บันทึกผลการประเมิน 1 รายการ");
            browser.screenshot("workspace-2-import-saved");
            click(d, "to-results");

            // the agency page lists both years; open 2568
            d.findElement(By.cssSelector("a[href$='/results/2568']")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=yoy-chart]")));
            assertThat(d.findElement(By.cssSelector("[data-testid=result-overall]")).getText()).isEqualTo("86.42");
            assertThat(d.findElement(By.cssSelector("[data-testid=result-change]")).getText()).contains("78.40", "+8.02");
            assertThat(d.findElement(By.cssSelector("[data-testid=result-checks]")).getText()).contains("IIT×0.3 + EIT×0.3 + OIT×0.4");
            assertThat(d.findElement(By.cssSelector("[data-testid=indicator-chart]")).findElements(By.tagName("rect"))).hasSize(20);
            browser.screenshot("workspace-3-results");

            // measures: start from the drafts, confirm, record progress on two
            click(d, "to-measures");
            click(d, "start-from-drafts");
            List<WebElement> measures = d.findElements(By.cssSelector("[data-testid=measures-table] tbody tr"));
            assertThat(measures).hasSizeGreaterThanOrEqualTo(2);
            click(d, "confirm-measures");
            assertThat(d.findElement(By.cssSelector("[data-testid=plan-state]")).getText()).contains("ยืนยันมาตรการแล้ว");
            String planUrl = d.getCurrentUrl().replaceAll("\\?.*", "");
            for (int i = 0; i < 2; i++) {
                d.get(planUrl);
                d.findElements(By.cssSelector("[data-testid=measures-table] tbody tr a")).get(i).click();
                waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
                new Select(d.findElement(By.id("status"))).selectByValue(i == 0 ? "IN_PROGRESS" : "DONE");
                d.findElement(By.id("note")).sendKeys(i == 0 ? "ประกาศขั้นตอนและระยะเวลาการให้บริการแล้ว 12 งาน" : "จัดเวทีรับฟังความคิดเห็นแล้ว 2 ครั้ง");
                d.findElement(By.id("evidence")).sendKeys("https://nongbua.go.th/ita/evidence-" + (i + 1));
                if (i == 0) {
                    d.findElement(By.name("reached")).click();
                }
                click(d, "record-progress");
                assertThat(d.findElement(By.cssSelector("[data-testid=progress-recorded]")).isDisplayed()).isTrue();
                assertThat(d.findElement(By.cssSelector("[data-testid=progress-history]")).getText()).contains("nongbua");
            }
            browser.screenshot("workspace-4-progress");
            d.get(planUrl);
            assertThat(d.findElement(By.cssSelector("[data-testid=measures-table]")).getText()).contains("อยู่ระหว่างดำเนินการ", "แล้วเสร็จ");
            browser.screenshot("workspace-5-plan");

            // on a 390-pixel phone nothing is wider than the screen
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", 390, "height", 900, "deviceScaleFactor", 1, "mobile", true));
            for (String page : List.of("/agency/" + CODE, "/agency/" + CODE + "/results/2568", planUrl.replace(url(""), ""))) {
                d.get(url(page));
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).as(page + " overflows a phone screen").isLessThanOrEqualTo(0);
            }
            d.get(url("/agency/" + CODE + "/results/2568"));
            browser.screenshot("workspace-3-results-phone");
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());

            // both reports, as the buttons download them
            String analysis = pdfText(fetch(d, "/agency/" + CODE + "/results/2568/report.pdf").body());
            assertThat(analysis).contains("องค์การบริหารส่วนตำบลหนองบัว", "๘๖.๔๒", "หน่วยงานกำหนดมาตรการต่อไปนี้");
            String followUp = pdfText(fetch(d, "/agency/" + CODE + "/measures/2568/follow-up.pdf").body());
            assertThat(followUp).contains("รายงานผลการดำเนินการตามมาตรการ", "ประกาศขั้นตอนและระยะเวลาการให้บริการแล้ว ๑๒ งาน",
                    "https://nongbua.go.th/ita/evidence-2", "ดำเนินการแล้วเสร็จ");
            HttpResponse<byte[]> docx = fetch(d, "/agency/" + CODE + "/measures/2568/follow-up.docx");
            assertThat(docx.statusCode()).isEqualTo(200);
            assertThat(docx.headers().firstValue("Content-Disposition")).get().asString().contains("ita-2568-follow-up-report-WS-1.docx");

            // publish from the agency's page, sign out, open the public page
            d.get(url("/agency/" + CODE));
            click(d, "publish");
            assertThat(d.findElement(By.cssSelector("[data-testid=publication-flash]")).getText()).contains("2568");
            assertThat(d.findElement(By.cssSelector("[data-testid=publication] [data-testid=publish]")).getText()).isEqualTo("ยกเลิกการเผยแพร่");
            d.findElement(By.id("publication")).getLocation(); // scrolled into view by the #publication anchor
            browser.screenshot("workspace-5-published");
            String publicUrl = d.findElement(By.cssSelector("[data-testid=public-link]")).getAttribute("href");
            assertThat(publicUrl).isEqualTo(url("/public/" + CODE + "/2568"));
            d.findElement(By.cssSelector("form.signout button")).click();
            waiting(d).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=current-user]"), 0));
            d.get(publicUrl);
            assertThat(d.findElement(By.cssSelector("[data-testid=public-title]")).getText()).contains("องค์การบริหารส่วนตำบลหนองบัว", "2568");
            assertThat(d.findElement(By.cssSelector("[data-testid=public-overall]")).getText()).isEqualTo("86.42");
            assertThat(d.findElement(By.cssSelector("[data-testid=public-measures]")).getText()).contains("แล้วเสร็จ");
            browser.screenshot("workspace-6-public");
            String publicPdf = d.findElement(By.cssSelector("[data-testid=public-follow-up-pdf]")).getAttribute("href");
            HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(publicPdf)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(new String(anonymous.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }
}
