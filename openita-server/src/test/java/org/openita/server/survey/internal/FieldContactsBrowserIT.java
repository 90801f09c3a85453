package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact list pages in a phone-sized Chromium (390 px), with axe-core (WCAG 2.0/2.1 A and AA): the agency adds a
 * contact by the form and a list from a Windows-874 CSV, sees the counts and a refused file's problems; the assessor
 * sees the contacts with a tel: link and marks one reached. Screenshots under target/screenshots (field-*).
 */
class FieldContactsBrowserIT extends ServerTestSupport {

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;

    @Test
    void theAgencyGivesItsListAndTheAssessorWorksThroughItOnAPhone() throws Exception {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8);
        clock.setToday(y.surveyDay());
        windows.forget();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().named("องค์การบริหารส่วนตำบลโนนสวรรค์").create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        String base = publicBaseUrl();
        try (Browser agency = Browser.open(390, 1600); Browser field = Browser.open(390, 1600)) {
            agency.signIn(base, admin.username(), admin.password());
            field.signIn(base, assessor.username(), assessor.password());

            look(agency, base + "/agency/" + a.code() + "/contacts/" + year, "contacts-empty");
            ChromeDriver d = agency.driver();
            d.findElement(By.id("c-name")).sendKeys("นางสาวพรทิพย์ ใจงาม");
            d.findElement(By.id("c-org")).sendKeys("กลุ่มแม่บ้านหมู่ 4");
            d.findElement(By.id("c-phone")).sendKeys("081-234-5678");
            press(agency, "contact-add");
            assertThat(text(agency, "[data-testid=contacts-added]")).contains("เพิ่มรายชื่อแล้ว 1 รายการ");

            Path csv = Files.createTempFile("contacts-", ".csv");
            Files.write(csv, (FieldContactsIT.HEADER + "นายวิชัย ทองดี,ร้านวัสดุ,043-555-012,,คู่สัญญาหรือผู้ประกอบการ\n"
                    + "นางลำดวน ศรีสุข,,,lamduan@example.com,ผู้รับบริการ\n").getBytes(FieldContactsIT.TIS));
            d.findElement(By.id("c-file")).sendKeys(csv.toString());
            press(agency, "contact-upload-submit");
            assertThat(text(agency, "[data-testid=contacts-total]")).contains("ส่งรายชื่อแล้ว 3 รายการ");
            assertThat(d.getPageSource()).doesNotContain("นายวิชัย");
            check(agency, "contacts-given");

            Files.write(csv, (FieldContactsIT.HEADER + ",,0812,,เพื่อนบ้าน\n").getBytes(StandardCharsets.UTF_8));
            d.findElement(By.id("c-file")).sendKeys(csv.toString());
            press(agency, "contact-upload-submit");
            assertThat(text(agency, "[data-testid=contacts-problems]")).contains("ไม่มีชื่อ", "ไม่รู้จักลักษณะการติดต่อ");
            check(agency, "contacts-refused");
            Files.deleteIfExists(csv);

            look(field, base + "/field", "list");
            assertThat(text(field, "[data-agency=" + a.code() + "]")).contains("นางสาวพรทิพย์ ใจงาม", "081-234-5678", "lamduan@example.com");
            assertThat(field.driver().findElement(By.cssSelector("a[href='tel:0812345678']")).isDisplayed()).isTrue();
            var first = field.driver().findElement(By.cssSelector("li[data-contact]"));
            new org.openqa.selenium.support.ui.Select(first.findElement(By.tagName("select"))).selectByValue("REACHED");
            org.openqa.selenium.WebElement page = field.driver().findElement(By.tagName("html"));
            first.findElement(By.cssSelector("[data-testid=status-save]")).click();
            new WebDriverWait(field.driver(), Duration.ofSeconds(30)).until(dr -> {
                try {
                    page.getTagName();
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return true;
                } catch (org.openqa.selenium.WebDriverException e) {
                    return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
                }
            });
            assertThat(field.driver().findElement(By.cssSelector("li[data-contact]")).getAttribute("data-status")).isEqualTo("REACHED");
            check(field, "list-marked");
        }
    }

    private static void press(Browser b, String testId) {
        org.openqa.selenium.WebElement page = b.driver().findElement(By.tagName("html"));
        b.driver().findElement(By.cssSelector("[data-testid=" + testId + "]")).click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> {
            try {
                page.getTagName();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
            }
        });
    }

    private static String text(Browser b, String css) {
        return b.driver().findElement(By.cssSelector(css)).getText();
    }

    private static void look(Browser b, String url, String name) throws Exception {
        b.driver().get(url);
        check(b, name);
    }

    private static void check(Browser b, String name) throws Exception {
        ChromeDriver d = b.driver();
        assertThat(d.findElements(By.cssSelector("main"))).as(name + ": a page, not an error").isNotEmpty();
        SurveyBrowserIT.assertNoViolations(d, name);
        Object wide = d.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) wide).intValue()).as(name + ": page wider than the window by").isLessThanOrEqualTo(0);
        long height = ((Number) d.executeScript("return document.documentElement.scrollHeight;")).longValue();
        d.manage().window().setSize(new org.openqa.selenium.Dimension(d.manage().window().getSize().width, (int) Math.min(height + 140, 4000)));
        b.screenshot("field-" + name);
        d.manage().window().setSize(new org.openqa.selenium.Dimension(d.manage().window().getSize().width, 1600));
    }
}
