package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.support.Browser;
import org.openita.server.support.ServerTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The central administrator opens a person from the list, gives them another role and agency, and disables them, in a real browser. */
class PersonPageBrowserIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    @Test
    void theCentralAdministratorChangesAPersonsRoleAndDisablesThem() throws Exception {
        String agency = fixtures.agency().type(org.openita.server.agency.AgencyType.SUBDISTRICT_MUNICIPALITY).create().code().value();
        var central = fixtures.person(Role.CENTRAL_ADMIN).named("ผู้ดูแลส่วนกลาง หน้าผู้ใช้").create();
        String somsri = fixtures.person(Role.VIEWER).named("สมศรี มีสุข").seeing(agency).create().username();
        try (Browser browser = Browser.open(1100, 1000)) {
            WebDriver d = browser.driver();
            browser.signIn("http://localhost:" + port, central.username(), central.password());
            d.get("http://localhost:" + port + "/users");
            assertThat(new Select(d.findElement(By.name("role"))).getFirstSelectedOption().getText()).isEqualTo("ผู้ดูข้อมูล");
            d.findElement(By.linkText(somsri)).click();
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("สมศรี มีสุข (" + somsri + ")");

            new Select(d.findElement(By.id("role"))).selectByValue("AGENCY_STAFF");
            d.findElement(By.id("agency")).sendKeys(agency);
            d.findElement(By.id("access")).clear();
            d.findElement(By.cssSelector("[data-testid=person-edit] button")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=person-done]")).getText()).isEqualTo("บันทึกบทบาทและหน่วยงานแล้ว");
            assertThat(accounts.agencyOf(somsri)).hasValue(agency);

            d.findElement(By.cssSelector("[data-testid=person-disable]")).click();
            assertThat(d.findElement(By.cssSelector("[data-testid=person-status]")).getText()).isEqualTo("ระงับการใช้งาน");
            assertThat(d.findElements(By.cssSelector("[data-testid=person-reset]"))).as("no reset for a disabled account").isEmpty();
            browser.screenshot("person-disabled");
            assertThat(accounts.find(somsri).orElseThrow().enabled()).isFalse();
            assertThat(accounts.find(somsri).orElseThrow().role()).isEqualTo(Role.AGENCY_STAFF);
        }
    }
}
