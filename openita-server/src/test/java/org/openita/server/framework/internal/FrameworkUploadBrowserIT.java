package org.openita.server.framework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The central administrator, in a real browser, uploads a year's definition, activates it, uploads a corrected
 * version and reads its differences before activating it too.
 */
class FrameworkUploadBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    @Test
    void uploadACorrectionAndReadItsDifferences() throws Exception {
        var central = fixtures.person(Role.CENTRAL_ADMIN).named("ผู้ดูแลส่วนกลาง").create();
        String v1 = FrameworkUploadIT.year(FrameworkUploadIT.synthetic(), 2591);
        String v2 = v1.replace("version: \"2591.1\"", "version: \"2591.2\"")
                .replace("weight: 0.5\n", "weight: 0.4\n").replaceFirst("weight: 0.4\n", "weight: 0.6\n")
                .replace("ข้อทดลองที่ 3 ของตัวชี้วัดที่ 2", "การเบิกจ่ายเป็นไปตามระเบียบ")
                .replace("code: x13\n", "code: x14\n")
                .replace("overall: {atLeast: 80}\n      each:", "overall: {atLeast: 85}\n      each:");
        Path dir = Files.createTempDirectory("definitions");
        Path first = Files.writeString(dir.resolve("ita-2591.yaml"), v1, StandardCharsets.UTF_8);
        Path second = Files.writeString(dir.resolve("ita-2591-corrected.yaml"), v2, StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(1200, 1600)) {
            WebDriver d = browser.driver();
            browser.signIn("http://localhost:" + port, central.username(), central.password());
            d.findElement(By.linkText("เกณฑ์การประเมิน")).click();
            d.findElement(By.id("file")).sendKeys(first.toString());
            d.findElement(By.cssSelector("form.form button")).click();
            // the activate button looks like the app's other primary buttons (the download buttons of the same app)
            org.openqa.selenium.WebElement activate = d.findElement(By.cssSelector("[data-testid=activate]"));
            assertThat(activate.getCssValue("background-color")).isEqualTo("rgba(11, 79, 138, 1)");
            assertThat(activate.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
            browser.screenshot("framework-activate-button");
            activate.click();
            assertThat(d.findElement(By.cssSelector("[data-testid=activated]")).getText()).contains("เปิดใช้แล้ว");

            d.findElement(By.linkText("กลับไปหน้าเกณฑ์การประเมิน")).click();
            d.findElement(By.id("file")).sendKeys(second.toString());
            d.findElement(By.cssSelector("form.form button")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=diff-heading]")).getText()).contains("ความแตกต่างจากฉบับที่เปิดใช้อยู่ (2591.1)");
            String diff = d.findElement(By.cssSelector("[data-testid=definition-diff]")).getText();
            assertThat(diff).contains("เปลี่ยนน้ำหนัก", "เปลี่ยนข้อความ", "การเบิกจ่ายเป็นไปตามระเบียบ", "เปลี่ยนเกณฑ์ระดับ", "ตัดออก", "x14");
            browser.screenshot("framework-diff");
            d.findElement(By.cssSelector("[data-testid=activate]")).click();
            String versions = d.findElement(By.cssSelector("[data-testid=framework-versions]")).getText();
            assertThat(versions).contains("2591.1", "2591.2", central.username());
            browser.screenshot("framework-versions");
        }
    }
}
