package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The central administrator signs in and imports a registry file in a real browser: first a bad one, then a good one. */
class AgencyImportBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    @Test
    void importARegistryFile() throws Exception {
        var central = fixtures.person(Role.CENTRAL_ADMIN).named("ผู้ดูแลส่วนกลาง").create();
        String p = Fixtures.unique("E") + "-"; // codes no other test has
        Path dir = Files.createTempDirectory("registry");
        Path bad = Files.writeString(dir.resolve("bad.csv"), AgencyImportIT.HEADER
                + p + "1,หน่วยงานหนึ่ง,กรม,,,,,,,\n" + p + "2,หน่วยงานสอง,โรงเรียน,,,,,,,\n", StandardCharsets.UTF_8);
        Path good = Files.writeString(dir.resolve("good.csv"), AgencyImportIT.HEADER
                + p + "1,หน่วยงานหนึ่ง,กรม,,,,,,,\n" + p + "2,องค์การบริหารส่วนตำบลสอง,อบต.,S,ยโสธร,,,,สำนักปลัด;กองคลัง,\n", StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(1100, 1000)) {
            WebDriver d = browser.driver();
            browser.signIn("http://localhost:" + port, central.username(), central.password());
            d.findElement(By.linkText("ทะเบียนหน่วยงาน")).click();
            d.findElement(By.linkText("นำเข้าทะเบียนหน่วยงาน")).click();
            // a template to start from, and each column's allowed values
            assertThat(d.findElement(By.cssSelector("[data-testid=template-csv]")).isDisplayed()).isTrue();
            assertThat(d.findElement(By.cssSelector("[data-testid=template-xlsx]")).isDisplayed()).isTrue();
            assertThat(d.findElement(By.cssSelector("[data-column=size]")).getText()).contains("S, M, L");
            assertThat(d.findElement(By.cssSelector("[data-column=type]")).getText()).contains("องค์การบริหารส่วนตำบล", "SAO");
            browser.screenshot("import-form");

            d.findElement(By.id("file")).sendKeys(bad.toString());
            d.findElement(By.cssSelector("form.form button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-summary]")));
            assertThat(d.findElement(By.cssSelector("[data-testid=import-summary]")).getText()).contains("ไม่ได้นำเข้าข้อมูลใดเลย");
            assertThat(d.findElement(By.cssSelector("[data-testid=import-problems]")).getText()).contains("3", "ไม่รู้จักประเภท \"โรงเรียน\"");
            browser.screenshot("import-rejected");

            d.findElement(By.id("file")).sendKeys(good.toString());
            org.openqa.selenium.WebElement rejected = d.findElement(By.cssSelector("[data-testid=import-summary]"));
            d.findElement(By.cssSelector("form.form button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(rejected));
            assertThat(d.findElement(By.cssSelector("[data-testid=import-summary]")).getText()).contains("เพิ่มหน่วยงานใหม่ 2 แห่ง");
            assertThat(d.findElement(By.cssSelector("[data-testid=imported]")).getText()).contains(p + "2 องค์การบริหารส่วนตำบลสอง");
            browser.screenshot("import-applied");
            d.findElement(By.linkText("กลับไปที่ทะเบียนหน่วยงาน")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=agencies]")).getText()).contains(p + "2", "องค์การบริหารส่วนตำบลสอง", "ยโสธร");
            browser.screenshot("registry");
            // a row leads to the agency's page
            d.findElement(By.linkText("องค์การบริหารส่วนตำบลสอง")).click();
            assertThat(d.getCurrentUrl()).endsWith("/agency/" + p + "2");
        }
    }
}
