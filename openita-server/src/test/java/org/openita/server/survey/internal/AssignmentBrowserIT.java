package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The assessors page as the central administrator uses it on a phone-wide Chromium (390 px), with axe-core (WCAG 2.0/2.1
 * A and AA) on every state: assigning two agencies by the form, a refused code, importing a file with a bad row and then
 * a good one, and removing an agency after confirming. Screenshots under target/screenshots (assign-*).
 */
class AssignmentBrowserIT extends ServerTestSupport {

    @Test
    void theCentralAdministratorAssignsTwoAgenciesOnAPhone() throws Exception {
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        Person assessor = fixtures.person(Role.ASSESSOR).named("อาจารย์สมหญิง ใจดี (มหาวิทยาลัยกาฬสินธุ์)").create();
        Agency a = fixtures.agency().named("องค์การบริหารส่วนตำบลหนองบัวน้ำใส").create();
        Agency b = fixtures.agency().named("เทศบาลตำบลสมเด็จ").create();
        Agency c = fixtures.agency().named("องค์การบริหารส่วนตำบลมหาไชย").create();
        String base = publicBaseUrl();
        try (Browser browser = Browser.open(390, 1400)) {
            ChromeDriver d = browser.driver();
            browser.signIn(base, central.username(), central.password());
            d.get(base + "/surveys");
            press(d, By.cssSelector("[data-testid=to-assessors]"));
            check(browser, "list-empty");

            for (Agency agency : new Agency[] {a, b}) {
                d.findElement(By.id("add-assessor")).clear();
                d.findElement(By.id("add-assessor")).sendKeys(assessor.username());
                d.findElement(By.id("add-agency")).sendKeys(agency.code().value());
                press(d, By.cssSelector("[data-testid=add-submit]"));
                assertThat(text(d, "[data-testid=assigned]")).contains(agency.code().value(), assessor.username());
            }
            assertThat(text(d, "[data-testid=one-count]")).contains("รับผิดชอบ 2 หน่วยงาน");
            assertThat(text(d, "[data-testid=one-agencies]")).contains("องค์การบริหารส่วนตำบลหนองบัวน้ำใส", "เทศบาลตำบลสมเด็จ");
            check(browser, "assessor-two");

            d.findElement(By.id("add-agency")).sendKeys("NO-SUCH-CODE");
            press(d, By.cssSelector("[data-testid=add-submit]"));
            assertThat(text(d, "[data-testid=refusal]")).contains("ไม่มีหน่วยงานรหัส \"NO-SUCH-CODE\" ในทะเบียน");
            check(browser, "refused");

            Path bad = Files.createTempFile("assign-bad", ".csv");
            Files.writeString(bad, "รหัสหน่วยงาน,บัญชีผู้ประเมิน\n" + c.code() + "," + assessor.username() + "\nNOPE-9," + assessor.username() + "\n",
                    StandardCharsets.UTF_8);
            d.findElement(By.id("file")).sendKeys(bad.toString());
            press(d, By.cssSelector("[data-testid=import-submit]"));
            assertThat(text(d, "[data-testid=import-summary]")).contains("ไม่ได้บันทึกข้อมูลใดเลย");
            assertThat(text(d, "[data-testid=import-problems]")).contains("NOPE-9");
            check(browser, "import-refused");

            Path good = Files.createTempFile("assign-good", ".csv");
            Files.writeString(good, "รหัสหน่วยงาน,บัญชีผู้ประเมิน\n" + c.code() + "," + assessor.username() + "\n" + a.code() + "," + assessor.username() + "\n",
                    StandardCharsets.UTF_8);
            d.findElement(By.id("file")).sendKeys(good.toString());
            press(d, By.cssSelector("[data-testid=import-submit]"));
            assertThat(text(d, "[data-testid=import-summary]")).contains("มอบหมายใหม่ 1 คู่ มอบหมายไว้แล้ว 1 คู่");
            d.get(base + "/surveys/assessors?q=" + assessor.username());
            assertThat(text(d, "[data-assessor='" + assessor.username() + "'] [data-testid=count]")).isEqualTo("3");
            check(browser, "list-after-import");

            d.get(base + "/surveys/assessors?of=" + assessor.username());
            press(d, By.cssSelector("[data-code='" + c.code() + "'] [data-testid=remove-link]"));
            assertThat(text(d, "[data-testid=remove-confirm]")).contains("องค์การบริหารส่วนตำบลมหาไชย");
            check(browser, "remove-confirm");
            press(d, By.cssSelector("[data-testid=remove-submit]"));
            assertThat(text(d, "[data-testid=removed]")).contains(c.code().value());
            assertThat(text(d, "[data-testid=one-count]")).contains("รับผิดชอบ 2 หน่วยงาน");
            check(browser, "removed");
        }
        assertThat(accounts.accessOf(assessor.username())).containsExactlyInAnyOrder(a.code().value(), b.code().value());
    }

    /** Clicks and waits until the browser has left the page (checked on the document, not on a stale element). */
    private static void press(ChromeDriver d, By what) {
        d.executeScript("document.body.setAttribute('data-left', 'no')");
        d.findElement(what).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> {
            try {
                Object left = ((ChromeDriver) x).executeScript("return document.body && document.body.getAttribute('data-left') === null"
                        + " && document.readyState === 'complete';");
                return Boolean.TRUE.equals(left);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static String text(ChromeDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    private static void check(Browser b, String name) throws Exception {
        ChromeDriver d = b.driver();
        assertThat(d.findElements(By.cssSelector("main"))).as(name + ": a page, not an error").isNotEmpty();
        SurveyBrowserIT.assertNoViolations(d, name);
        Object wide = d.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) wide).intValue()).as(name + ": page wider than the window by").isLessThanOrEqualTo(0);
        long height = ((Number) d.executeScript("return document.documentElement.scrollHeight;")).longValue();
        d.manage().window().setSize(new org.openqa.selenium.Dimension(d.manage().window().getSize().width, (int) Math.min(height + 140, 4000)));
        b.screenshot("assign-" + name);
        d.manage().window().setSize(new org.openqa.selenium.Dimension(d.manage().window().getSize().width, 1400));
    }
}
