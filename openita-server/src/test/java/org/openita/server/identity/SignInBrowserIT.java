package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person signs in with a one-time password, chooses a new one, and signs out, in a real browser. */
class SignInBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    @Test
    void signInChangeTheOneTimePasswordAndSignOut() throws Exception {
        accounts.create("test", "somchai", "สมชาย ใจดี", Role.AGENCY_ADMIN, "one-time-pass-9", true);
        try (Browser browser = Browser.open(1100, 900)) {
            WebDriver d = browser.driver();
            d.get("http://localhost:" + port + "/");
            d.findElement(By.linkText("เข้าสู่ระบบ")).click();
            d.findElement(By.id("username")).sendKeys("somchai");
            d.findElement(By.id("password")).sendKeys("wrong password");
            d.findElement(By.cssSelector("form.form button")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=login-error]")).getText()).contains("ไม่ถูกต้อง");
            browser.screenshot("login-error");

            d.findElement(By.id("username")).sendKeys("somchai");
            d.findElement(By.id("password")).sendKeys("one-time-pass-9");
            d.findElement(By.cssSelector("form.form button")).click();
            assertThat(d.getCurrentUrl()).endsWith("/account/password");
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("ตั้งรหัสผ่านใหม่");
            d.findElement(By.id("current")).sendKeys("one-time-pass-9");
            d.findElement(By.id("new")).sendKeys("ปลอดภัยกว่าเดิม-2569");
            d.findElement(By.id("confirm")).sendKeys("ปลอดภัยกว่าเดิม-2569");
            browser.screenshot("password-change");
            d.findElement(By.cssSelector("form.form button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(10)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.not(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/account/password")));
            assertThat(d.findElement(By.cssSelector("[data-testid=current-user]")).getText()).isEqualTo("somchai");

            d.findElement(By.cssSelector("form.signout button")).click();
            assertThat(d.findElements(By.cssSelector("[data-testid=current-user]"))).isEmpty();
            assertThat(d.findElement(By.linkText("เข้าสู่ระบบ")).isDisplayed()).isTrue();
        }
    }
}
