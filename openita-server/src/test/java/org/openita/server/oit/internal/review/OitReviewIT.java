package org.openita.server.oit.internal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The review of OIT items on the real server and database: two assessors cannot overwrite each other, every move is
 * audited, another agency's assessor finds nothing, snapshots come back sandboxed, clarifications are bounded text
 * without new links, confirmation locks and reopening unlocks, and confirmed verdicts reach the results page.
 */
class OitReviewIT extends OitTestSupport {

    @Test
    void theSecondOfTwoAssessorsSavingTheSameItemGetsAConflictAndNothingIsOverwritten() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        rows().submitted(a.code().value(), y.be(), "o1", "https://example.go.th/structure");
        Fixtures.Person first = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Fixtures.Person second = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        clock.setToday(y.review());
        // both opened the form before anything was saved: no version
        assertThat(send(verdict(a, y, "o1", "", "yes", "แผนผังครบ", "no", "ไม่มีคำอธิบาย"), first.signedIn()).getStatus()).isEqualTo(302);
        MockHttpServletResponse clash = send(verdict(a, y, "o1", "", "yes", "", "yes", ""), second.signedIn());
        assertThat(clash.getStatus()).isEqualTo(409);
        assertThat(body(clash)).contains(first.username()).contains("ไม่มีสิ่งใดถูกเขียนทับ").contains("ไม่มีคำอธิบาย");
        // the first saves again from version 0; the second, still on version 0, is refused again
        assertThat(send(verdict(a, y, "o1", "0", "yes", "แผนผังครบ", "no", "ยังไม่มี"), first.signedIn()).getStatus()).isEqualTo(302);
        assertThat(send(verdict(a, y, "o1", "0", "yes", "", "yes", ""), second.signedIn()).getStatus()).isEqualTo(409);
        String stored = jdbc.sql("select cast(verdicts as text) from oit_review where agency_code = ? and fiscal_year = ? and item_code = 'o1'")
                .params(a.code().value(), y.be()).query(String.class).single();
        assertThat(stored).contains("ยังไม่มี").contains("\"passes\": false");
        assertThat(fixtures.audits("OIT_VERDICT_SAVED", "oit:" + a.code().value() + "/" + y.be() + "/o1")).isEqualTo(2);
        // in English the same refusal
        MockHttpServletResponse english = send(verdict(a, y, "o1", "0", "yes", "", "yes", "").param("lang", "en"), second.signedIn());
        assertThat(body(english)).contains("Another assessor saved this item first").contains("nothing was overwritten");
    }

    @Test
    void aVerdictNeedsAChoiceForEveryComponentAndAnAssessorOfAnotherAgencyFindsNothing() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        Agency b = fixtures.agency().create();
        rows().submitted(a.code().value(), y.be(), "o1", "https://example.go.th/a");
        long snapshot = rows().checked(a.code().value(), y.be(), "o1", 0, "text/html; charset=utf-8", "<p>a</p>".getBytes(StandardCharsets.UTF_8));
        Fixtures.Person mine = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Fixtures.Person other = fixtures.person(Role.ASSESSOR).seeing(b.code()).create();
        Fixtures.Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a.code()).create();
        clock.setToday(y.review());
        MockHttpServletResponse missing = send(verdict(a, y, "o1", "", "yes", ""), mine.signedIn());
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(body(missing)).contains("ให้องค์ประกอบ 2");
        String item = "/oit/review/" + a.code().value() + "/" + y.be() + "/o1";
        String page = body(send(get(item), mine.signedIn()));
        assertThat(page).contains("/oit/snapshots/" + snapshot).contains("rel=\"noopener noreferrer\"").contains("https://example.go.th/a")
                .contains("เอกสารนี้เป็นของปี 2567");
        assertThat(send(get(item), other.signedIn()).getStatus()).isEqualTo(404);
        assertThat(send(verdict(a, y, "o1", "", "yes", "", "yes", ""), other.signedIn()).getStatus()).isEqualTo(404);
        assertThat(send(get("/oit/review/" + a.code().value() + "/" + y.be()), other.signedIn()).getStatus()).isEqualTo(404);
        assertThat(send(get("/oit/snapshots/" + snapshot), other.signedIn()).getStatus()).isEqualTo(404);
        assertThat(send(get(item), admin.signedIn()).getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from oit_review where agency_code = ?").param(a.code().value()).query(Integer.class).single()).isZero();
        // the queue lists the agency for its own assessor only, with one item to judge
        assertThat(body(send(get("/oit/review").param("year", "" + y.be()), mine.signedIn()))).contains("data-agency=\"" + a.code().value() + "\"");
        assertThat(body(send(get("/oit/review").param("year", "" + y.be()), other.signedIn()))).doesNotContain(a.code().value());
    }

    @Test
    void aSnapshotIsSandboxedAndOnlyHtmlAndPdfOpenInTheBrowser() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        rows().submitted(a.code().value(), y.be(), "o1", "https://example.go.th/a", "https://example.go.th/b.pdf", "https://example.go.th/c.zip");
        long html = rows().checked(a.code().value(), y.be(), "o1", 0, "text/html; charset=utf-8",
                "<script>document.cookie</script><p>โครงสร้าง</p>".getBytes(StandardCharsets.UTF_8));
        long pdf = rows().checked(a.code().value(), y.be(), "o1", 1, "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
        long zip = rows().checked(a.code().value(), y.be(), "o1", 2, "application/zip", new byte[] {'P', 'K', 3, 4});
        Fixtures.Person viewer = fixtures.person(Role.VIEWER).seeing(a.code()).create();
        MockHttpServletResponse h = send(get("/oit/snapshots/" + html), viewer.signedIn());
        assertThat(h.getStatus()).isEqualTo(200);
        assertThat(h.getHeader("Content-Security-Policy")).startsWith("sandbox;").doesNotContain("allow-scripts").doesNotContain("allow-same-origin");
        assertThat(h.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(h.getContentType()).startsWith("text/html");
        assertThat(h.getHeader("Content-Disposition")).startsWith("inline");
        MockHttpServletResponse p = send(get("/oit/snapshots/" + pdf), viewer.signedIn());
        assertThat(p.getContentType()).isEqualTo("application/pdf");
        assertThat(p.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(p.getHeader("Content-Security-Policy")).startsWith("sandbox");
        MockHttpServletResponse z = send(get("/oit/snapshots/" + zip), viewer.signedIn());
        assertThat(z.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(z.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(send(get("/oit/snapshots/999999999"), viewer.signedIn()).getStatus()).isEqualTo(404);
        assertThat(send(get("/oit/snapshots/x"), viewer.signedIn()).getStatus()).isEqualTo(404);
    }

    @Test
    void theAgencyClarifiesAnItemScoredZeroInBoundedTextWithoutNewLinksAndTheAssessorDecides() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        String code = a.code().value();
        rows().submitted(code, y.be(), "o1", "https://example.go.th/structure");
        rows().submitted(code, y.be(), "o2", "https://example.go.th/executives");
        Fixtures.Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Fixtures.Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a.code()).create();
        Fixtures.Person staff = fixtures.person(Role.AGENCY_STAFF).of(a.code()).create();
        clock.setToday(y.review());
        send(verdict(a, y, "o1", "", "yes", "", "no", "ไม่พบคำอธิบายอำนาจหน้าที่"), assessor.signedIn());
        send(verdict(a, y, "o2", "", "yes", "", "yes", ""), assessor.signedIn());
        String page = "/agency/" + code + "/oit/" + y.be() + "/verdicts";
        assertThat(body(send(get(page), admin.signedIn()))).contains("ผลตรวจเบื้องต้นจะแสดงเมื่อถึงช่วงชี้แจง").doesNotContain("ไม่พบคำอธิบายอำนาจหน้าที่");
        clock.setToday(y.clarification());
        String shown = body(send(get(page), admin.signedIn()));
        assertThat(shown).contains("ไม่พบคำอธิบายอำนาจหน้าที่").contains("ส่งลิงก์ใหม่ไม่ได้").contains("data-testid=\"oit-clarify-form\"");
        assertThat(send(post(page).param("item", "o1").param("text", "ก".repeat(2001)), admin.signedIn()).getStatus()).isEqualTo(400);
        MockHttpServletResponse link = send(post(page).param("item", "o1").param("text", "ดูที่ https://other.example.com/new"), admin.signedIn());
        assertThat(link.getStatus()).isEqualTo(400);
        assertThat(body(link)).contains("ส่งลิงก์ใหม่ไม่ได้");
        assertThat(send(post(page).param("item", "o2").param("text", "ผ่านแล้ว"), admin.signedIn()).getStatus()).isEqualTo(409);
        assertThat(send(post(page).param("item", "o1").param("text", "ดูข้อ 2"), staff.signedIn()).getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from oit_clarification where agency_code = ?").param(code).query(Integer.class).single()).isZero();
        String text = "คำอธิบายอยู่หน้า 3 ของ https://example.go.th/structure หัวข้อ อำนาจหน้าที่";
        assertThat(send(post(page).param("item", "o1").param("text", text), admin.signedIn()).getStatus()).isEqualTo(302);
        assertThat(fixtures.audits("OIT_CLARIFICATION_FILED", "oit:" + code + "/" + y.be() + "/o1")).isEqualTo(1);
        String item = body(send(get("/oit/review/" + code + "/" + y.be() + "/o1"), assessor.signedIn()));
        assertThat(item).contains(text).contains("data-testid=\"oit-verdict-form\"");
        int version = jdbc.sql("select version from oit_review where agency_code = ? and item_code = 'o1'").param(code).query(Integer.class).single();
        assertThat(send(verdict(a, y, "o1", "" + version, "yes", "", "yes", "พบในหน้า 3"), assessor.signedIn()).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select state from oit_review where agency_code = ? and item_code = 'o1'").param(code).query(String.class).single())
                .isEqualTo("DECIDED");
        assertThat(fixtures.audits("OIT_VERDICT_DECIDED", "oit:" + code + "/" + y.be() + "/o1")).isEqualTo(1);
        // decided: the agency cannot file again
        assertThat(send(post(page).param("item", "o1").param("text", "อีกครั้ง"), admin.signedIn()).getStatus()).isEqualTo(409);
    }

    @Test
    void confirmationLocksEveryItemAReopeningUnlocksOneAndTheConfirmedScoresReachTheResultsPage() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        String code = a.code().value();
        rows().submitted(code, y.be(), "o1", "https://example.go.th/structure");
        rows().submitted(code, y.be(), "o2", "https://example.go.th/executives");
        Fixtures.Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Fixtures.Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        clock.setToday(y.review());
        send(verdict(a, y, "o1", "", "yes", "", "yes", ""), assessor.signedIn());
        clock.setToday(y.confirmation());
        String confirm = "/oit/review/" + code + "/" + y.be() + "/confirm";
        assertThat(send(post(confirm), assessor.signedIn()).getStatus()).isEqualTo(409); // o2 is not judged
        assertThat(jdbc.sql("select count(*) from oit_review where agency_code = ? and state = 'CONFIRMED'").param(code).query(Integer.class).single()).isZero();
        clock.setToday(y.review());
        send(verdict(a, y, "o2", "", "yes", "", "no", "ไม่มีรูปถ่าย"), assessor.signedIn());
        clock.setToday(y.confirmation());
        assertThat(send(post(confirm), assessor.signedIn()).getStatus()).isEqualTo(302);
        int items = jdbc.sql("select count(*) from oit_review where agency_code = ? and fiscal_year = ? and state = 'CONFIRMED'")
                .params(code, y.be()).query(Integer.class).single();
        assertThat(items).isEqualTo(26); // every item of 2569: the unsubmitted ones fail every component
        assertThat(fixtures.audits("OIT_CONFIRMED", "oit:" + code + "/" + y.be() + "/o1")).isEqualTo(1);
        // locked: even in a review phase the assessor cannot change it
        clock.setToday(y.review());
        assertThat(send(verdict(a, y, "o1", "1", "no", "", "no", ""), assessor.signedIn()).getStatus()).isEqualTo(403);
        // the computed result holds the confirmed verdicts as OIT evidence
        String input = jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?")
                .params(code, y.be()).query(String.class).single();
        assertThat(input).contains("\"oit\"").contains("\"o1\": {\"components\": {\"1\": true, \"2\": true}}")
                .contains("\"o2\": {\"components\": {\"1\": true, \"2\": false}}");
        clock.setToday(y.confirmation().plusDays(100)); // results announced
        String results = body(send(get("/agency/" + code + "/results/" + y.be()), central.signedIn()));
        assertThat(results).contains("data-testid=\"result-oit\"");
        // reopening: central only, with a reason; the assessor may then judge it in the confirmation phase
        clock.setToday(y.confirmation());
        String reopen = "/oit/review/" + code + "/" + y.be() + "/o2/reopen";
        assertThat(send(post(reopen).param("reason", "ผิดพลาด"), assessor.signedIn()).getStatus()).isEqualTo(403);
        assertThat(send(post(reopen).param("reason", " "), central.signedIn()).getStatus()).isEqualTo(400);
        assertThat(send(post(reopen).param("reason", "หน่วยงานร้องเรียนว่ารูปถ่ายมีอยู่แล้ว"), central.signedIn()).getStatus()).isEqualTo(302);
        assertThat(fixtures.audits("OIT_REOPENED", "oit:" + code + "/" + y.be() + "/o2")).isEqualTo(1);
        assertThat(jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?")
                .params(code, y.be()).query(String.class).single()).doesNotContain("\"o2\"");
        int version = jdbc.sql("select version from oit_review where agency_code = ? and item_code = 'o2'").param(code).query(Integer.class).single();
        assertThat(send(verdict(a, y, "o2", "" + version, "yes", "", "yes", "รูปถ่ายอยู่ท้ายหน้า"), assessor.signedIn()).getStatus()).isEqualTo(302);
        assertThat(send(post(confirm), assessor.signedIn()).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?")
                .params(code, y.be()).query(String.class).single()).contains("\"o2\": {\"components\": {\"1\": true, \"2\": true}}");
    }
}
