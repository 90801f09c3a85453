package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.core.analysis.Signatory;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** On a phone-sized screen, the central administrator gives an agency its logo and sign-off from the agency page. */
class AgencyReportDetailsBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AgencyReportDetails details;

    @Test
    void uploadALogoAndEnterTheSignOffOnAPhone() throws Exception {
        AgencyCode code = fixtures.agency().named("องค์การบริหารส่วนตำบลหน้าจอเล็ก").create().code();
        var central = fixtures.person(Role.CENTRAL_ADMIN).named("ผู้ดูแลส่วนกลาง").create();
        Path dir = Files.createTempDirectory("logo");
        Path gif = Files.write(dir.resolve("ตรา.gif"), Logos.gif(120, 120));
        Path png = Files.write(dir.resolve("ตรา.png"), Logos.png(1000, 1000));
        try (Browser browser = Browser.open(390, 1900)) {
            WebDriver d = browser.driver();
            browser.signIn("http://localhost:" + port, central.username(), central.password());
            d.get("http://localhost:" + port + "/agency/" + code);

            d.findElement(By.id("logo-file")).sendKeys(gif.toString());
            d.findElement(By.cssSelector("[data-testid=logo-upload]")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=logo-error]")).getText()).contains("ไม่ใช่ภาพ PNG หรือ JPEG");
            assertThat(details.logoInfo(code)).isEmpty();

            d.findElement(By.id("logo-file")).sendKeys(png.toString());
            d.findElement(By.cssSelector("[data-testid=logo-upload]")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=report-details-saved]")).getText()).contains("บันทึกตราสัญลักษณ์แล้ว");
            Object loaded = ((JavascriptExecutor) d).executeScript(
                    "const i = document.querySelector('[data-testid=agency-logo]'); return i.complete && i.naturalWidth;");
            assertThat(((Number) loaded).intValue()).as("the page shows the stored logo").isEqualTo(600);

            d.findElement(By.id("preparedPosition")).sendKeys("นักวิเคราะห์นโยบายและแผนชำนาญการ");
            d.findElement(By.id("preparedName")).sendKeys("นางสาวใจดี มีสุข");
            d.findElement(By.id("approvedPosition")).sendKeys("นายกองค์การบริหารส่วนตำบลหน้าจอเล็ก");
            d.findElement(By.cssSelector("[data-testid=sign-off-save]")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=report-details-saved]")).getText()).contains("บันทึกผู้ลงนามแล้ว");
            assertThat(details.signOff(code)).containsExactly(
                    new Signatory(Signatory.Role.PREPARED, "นางสาวใจดี มีสุข", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
                    new Signatory(Signatory.Role.APPROVED, null, "นายกองค์การบริหารส่วนตำบลหน้าจอเล็ก"));
            Object overflow = ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("nothing wider than the phone's screen").isEqualTo(false);
            ((JavascriptExecutor) d).executeScript("document.getElementById('report-details').scrollIntoView();");
            Path shot = browser.screenshot("agency-report-details-phone");
            Files.copy(shot, Path.of("/tmp/agencypage-report-details-phone.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
