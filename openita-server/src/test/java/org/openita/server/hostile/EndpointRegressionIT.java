package org.openita.server.hostile;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.ResultFile;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bad requests the bad-input suite found mishandled (EndpointHostileIT, seed 20261124), each made small and kept
 * as a test of its own, over real HTTP so that the servlet container's own limits take part.
 */
class EndpointRegressionIT extends HostileTestSupport {

    static final String CODE = "HOST-P01";
    static final String USER = "hostile-regress-web";
    static final String PASSWORD = "Regress-Pass-2569";
    static String apiToken;
    static long measure;

    @Autowired
    MeasurePlans plans;

    WebClient web;
    WebClient api;

    @BeforeEach
    void agencyMeasureAndPeople() throws Exception {
        if (apiToken == null) {
            registry.importFile("test", "p.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + CODE
                    + ",องค์การบริหารส่วนตำบลคำขอถดถอย,อบต.\n").getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
            imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + CODE + ",2568,90\n")
                    .getBytes(StandardCharsets.UTF_8)), c -> true);
            MeasureForm form = new MeasureForm();
            form.setTitle("มาตรการถดถอย");
            measure = editing.create("test", AgencyCode.of(CODE), FiscalYear.of(2568), form).id();
            accounts.create("test", USER, "ผู้ดูแลส่วนกลาง", Role.CENTRAL_ADMIN, PASSWORD, false);
            apiToken = tokens.create(USER, "regress");
        }
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = ?").param(USER).update();
        web = new WebClient(port, USER, PASSWORD);
        web.signIn();
        api = new WebClient(port, USER, PASSWORD);
    }

    private WebClient.Answer form(String path, String body) throws Exception {
        return web.send("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), null);
    }

    private WebClient.Answer json(String method, String path, String body) throws Exception {
        return api.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), apiToken);
    }

    private long tokensOf(String user) {
        return jdbc.sql("select count(*) from api_token where username = ?").param(user).query(Long.class).single();
    }

    /** POST /agency/{code}/staff #0: the 404 page showed the agency code from the address, all 3,000 characters of it, as its error code. */
    @Test
    void anErrorPageShowsItsOwnCodeNotAPathVariable() throws Exception {
        WebClient.Answer a = form("/agency/NO-SUCH-" + "X".repeat(300) + "/staff", "staffCount=5");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).contains("เกิดข้อผิดพลาด").doesNotContain("NO-SUCH-");
        WebClient.Answer refused = form("/account/tokens", "label=%07");
        assertThat(refused.body()).contains("control-character");
    }

    /** POST /account/tokens "U+000E in label; 9653 more fields": past 1,000 fields the form went unchecked and the label was stored. */
    @Test
    void aFormWithMoreFieldsThanTheContainerReadsIsRefusedNotLetThroughUnchecked() throws Exception {
        long before = tokensOf(USER);
        StringBuilder body = new StringBuilder("label=%E0%B8%9B%E0%B9%89%E0%B8%B2%E0%B8%A2%0E");
        for (int i = 0; i < 1500; i++) {
            body.append("&p").append(i).append("=v");
        }
        WebClient.Answer a = form("/account/tokens", body.toString());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("unreadable-form", "อ่านข้อมูลที่ส่งมาไม่ได้");
        assertThat(tokensOf(USER)).isEqualTo(before);
    }

    /** A form larger than the container reads (2 MB) had the container's own 413 page. */
    @Test
    void aFormLargerThanTheContainerReadsGetsOurPage() throws Exception {
        WebClient.Answer a = form("/account/tokens", "label=" + "x".repeat(2_200_000));
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.body()).contains("request-too-large", "ใหญ่เกิน");
    }

    /** DELETE /api/v1/agencies/HOST-E01/measures/-1/1 with 12,659 bytes of junk as a form: FormContentFilter failed with a 500. */
    @Test
    void aDeleteWithAMalformedFormBodyIsNotAServerFault() throws Exception {
        WebClient.Answer a = api.send("DELETE", "/api/v1/agencies/" + CODE + "/measures/2568/999999", "application/x-www-form-urlencoded",
                "a=%ZZ&%E0%B8=\u0000".getBytes(StandardCharsets.ISO_8859_1), apiToken);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.type()).startsWith("application/problem+json");
    }

    /** POST /agency/{code}/measures/{year} with milestoneLabel[abc] (and {id} with milestoneDue[0][0]): Spring's binder failed with a 500. */
    @Test
    void aListIndexThatIsNotASmallWholeNumberIsRefused() throws Exception {
        long before = jdbc.sql("select count(*) from measure where agency_code = ?").param(CODE).query(Long.class).single();
        for (String odd : List.of("milestoneLabel%5Babc%5D=x", "milestoneDue%5B0%5D%5B0%5D=x", "milestoneLabel%5B99999%5D=x", "milestoneLabel%5B-1%5D=x")) {
            WebClient.Answer a = form("/agency/" + CODE + "/measures/2568", "title=%E0%B8%81&" + odd);
            assertThat(a.status()).as(odd).isEqualTo(400);
            assertThat(a.body()).contains("unreadable-form");
        }
        WebClient.Answer fine = form("/agency/" + CODE + "/measures/2568", "title=&milestoneLabel%5B1%5D=x");
        assertThat(fine.status()).isEqualTo(200); // the form again, with its problems
        assertThat(jdbc.sql("select count(*) from measure where agency_code = ?").param(CODE).query(Long.class).single()).isEqualTo(before);
    }

    /** POST /agency/{code}/results/import, file "x\u0000.csv": Tomcat's InvalidFileNameException was a 500. */
    @Test
    void anUploadWhoseFileNameHoldsNulIsRefused() throws Exception {
        String boundary = "----regress";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\u0000.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "a,b\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        WebClient.Answer a = web.send("POST", "/agency/" + CODE + "/results/import", "multipart/form-data; boundary=" + boundary, body, null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("bad-upload");
    }

    /** POST /api/v1/agencies/{code}/measures/{year}, U+0000 in owner: the problem named org.openita.server.api.MeasuresApi$MeasureRequest. */
    @Test
    void aControlCharacterInJsonIsNamedByItsFieldWithoutJavaClassNames() throws Exception {
        WebClient.Answer a = json("POST", "/api/v1/agencies/" + CODE + "/measures/2568", "{\"title\":\"x\",\"owner\":\"a\\u0000b\",\"oitItems\":[\"o1\",\"\\u0007\"]}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("(owner)").doesNotContain("MeasuresApi").doesNotContain("org.openita");
        WebClient.Answer list = json("POST", "/api/v1/agencies/" + CODE + "/measures/2568", "{\"title\":\"x\",\"oitItems\":[\"o1\",\"\\u0007\"]}");
        assertThat(list.body()).contains("(oitItems[1])").doesNotContain("java.util");
    }

    /** POST /api/v1/agencies/{code}/measures/{year}/confirm with a 3,000-character code: "instance" repeated the whole address. */
    @Test
    void anApiProblemDoesNotRepeatALongAddressOrValue() throws Exception {
        WebClient.Answer a = json("POST", "/api/v1/agencies/" + "x".repeat(3000) + "/measures/2568/confirm", "");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).doesNotContain("x".repeat(101)).contains("\"instance\":\"/api/v1/agencies/xxx");
        WebClient.Answer b = json("DELETE", "/api/v1/agencies/" + CODE + "/measures/" + "9".repeat(400) + "/1", "");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.body()).contains("bad-parameter").doesNotContain("9".repeat(101));
    }

    /** PUT .../measures/{year}/{id} with 170,124 OIT items: one problem each, a 20 MB answer. */
    @Test
    void thousandsOfOitItemsAreOneProblem() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            items.add("\"x" + i + "\"");
        }
        WebClient.Answer a = json("PUT", "/api/v1/agencies/" + CODE + "/measures/2568/" + measure, "{\"title\":\"x\",\"version\":0,\"oitItems\":["
                + String.join(",", items) + "]}");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().length()).isLessThan(5_000);
        assertThat(a.body()).contains("at most 100 OIT items");
    }

    /** POST /agency/{code}/measures/{year}, 74,925 characters in startsOn: the problem repeated all of them. */
    @Test
    void aMeasureProblemQuotesALongDateShortened() throws Exception {
        WebClient.Answer a = form("/agency/" + CODE + "/measures/2568", "title=t&startsOn=" + "1".repeat(5000) + "&evidence=");
        assertThat(a.status()).isEqualTo(200);
        assertThat(Leaks.withoutFormValues(a.body())).contains("data-testid=\"measure-problems\"").doesNotContain("1".repeat(101));
    }

    /** POST /users: a 66,518-character name and a 14,884-character e-mail were stored; a 92 KB agency code in access failed the database's index (500). */
    @Test
    void theUsersPageRefusesAnOverlongNameABadEmailAndAnAgencyCodeThatIsNone() throws Exception {
        assertThat(form("/users", "username=hz-long-name&displayName=" + "ก".repeat(201) + "&role=VIEWER").body()).contains("data-testid=\"user-error\"");
        assertThat(form("/users", "username=hz-bad-mail&displayName=x&role=VIEWER&email=" + "a".repeat(300)).body()).contains("data-testid=\"user-error\"");
        assertThat(form("/users", "username=hz-bad-mail2&displayName=x&role=VIEWER&email=not%20an%20address").body()).contains("data-testid=\"user-error\"");
        WebClient.Answer access = form("/users", "username=hz-access&displayName=x&role=VIEWER&access=" + "x".repeat(90_000));
        assertThat(access.status()).isEqualTo(200);
        assertThat(access.body()).contains("data-testid=\"user-error\"");
        for (String refused : List.of("hz-long-name", "hz-bad-mail", "hz-bad-mail2", "hz-access")) {
            assertThat(accounts.find(refused)).as(refused).isEmpty();
        }
        assertThat(form("/users", "username=hz-fine&displayName=x&role=VIEWER&email=somchai%40example.go.th").body()).doesNotContain("data-testid=\"user-error\"");
    }

    /** POST /account/reset/{token} with a 3,000-character token: the password form came back, its action repeating the token. */
    @Test
    void aResetFormIsNotShownForAnUnknownLink() throws Exception {
        WebClient.Answer a = form("/account/reset/" + "t".repeat(300), "new=short&confirm=short");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("data-testid=\"reset-invalid\"").doesNotContain("t".repeat(101));
    }

    /** POST /account/password, 33,278 characters in new and confirm: BCrypt refuses more than 72 bytes, a 500. */
    @Test
    void aPasswordLongerThanBcryptTakesIsRefusedWithAMessage() throws Exception {
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(USER).query(String.class).single();
        String thai = "รหัสผ่านภาษาไทยที่ยาวมากเกินไป";
        WebClient.Answer a = form("/account/password", WebClient.form("current", PASSWORD, "new", thai, "confirm", thai));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("data-testid=\"password-error\"", "72");
        assertThat(jdbc.sql("select password_hash from app_user where username = ?").param(USER).query(String.class).single()).isEqualTo(hash);
    }
}
