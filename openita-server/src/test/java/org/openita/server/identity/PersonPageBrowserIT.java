package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The central administrator opens a person from the list, gives them another role and agency, and disables them, in a real browser. */
class PersonPageBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AgencyRegistry registry;

    @Test
    void theCentralAdministratorChangesAPersonsRoleAndDisablesThem() throws Exception {
        registry.importFile("test", "pb.csv", new ByteArrayInputStream(
                "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\nPB-1,เทศบาลตำบลหน้าผู้ใช้,เทศบาลตำบล\n".getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.create("test", "pb-central", "ผู้ดูแลส่วนกลาง หน้าผู้ใช้", Role.CENTRAL_ADMIN, "pb-central-pass", false);
        accounts.createAssigned("test", "pb-somsri", "สมศรี มีสุข", Role.VIEWER, "pb-somsri-pass", null, List.of("PB-1"));
        try (Browser browser = Browser.open(1100, 1000)) {
            WebDriver d = browser.driver();
            d.get("http://localhost:" + port + "/login");
            d.findElement(By.id("username")).sendKeys("pb-central");
            d.findElement(By.id("password")).sendKeys("pb-central-pass");
            d.findElement(By.cssSelector("form.form button")).click();
            d.get("http://localhost:" + port + "/users");
            assertThat(new Select(d.findElement(By.name("role"))).getFirstSelectedOption().getText()).isEqualTo("ผู้ดูข้อมูล");
            d.findElement(By.linkText("pb-somsri")).click();
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("สมศรี มีสุข (pb-somsri)");

            new Select(d.findElement(By.id("role"))).selectByValue("AGENCY_STAFF");
            d.findElement(By.id("agency")).sendKeys("PB-1");
            d.findElement(By.id("access")).clear();
            d.findElement(By.cssSelector("[data-testid=person-edit] button")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=person-done]")).getText()).isEqualTo("บันทึกบทบาทและหน่วยงานแล้ว");
            assertThat(accounts.agencyOf("pb-somsri")).hasValue("PB-1");

            d.findElement(By.cssSelector("[data-testid=person-disable]")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=person-status]")).getText()).isEqualTo("ระงับการใช้งาน");
            assertThat(d.findElements(By.cssSelector("[data-testid=person-reset]"))).as("no reset for a disabled account").isEmpty();
            browser.screenshot("person-disabled");
            assertThat(accounts.find("pb-somsri").orElseThrow().enabled()).isFalse();
            assertThat(accounts.find("pb-somsri").orElseThrow().role()).isEqualTo(Role.AGENCY_STAFF);
        }
    }
}
