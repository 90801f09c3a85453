package org.openita.server.oit.internal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
 * Bad input to the OIT POSTs where EndpointHostileIT's generated requests do not reach (it never has a submitted item in
 * a running phase): a real agency, a submitted item, each route in its phase, by the person allowed to use it. Every
 * answer is a 4xx (a page saying what is wrong), never a 5xx, and nothing is stored or audited.
 */
class OitHostileInputIT extends OitTestSupport {

    private int stored(String code) {
        return jdbc.sql("select (select count(*) from oit_review where agency_code = ?) + (select count(*) from oit_clarification where agency_code = ?)"
                        + " + (select count(*) from oit_reopening where agency_code = ?)"
                        + " + (select count(*) from oit_submission where agency_code = ?)").params(code, code, code, code)
                .query(Integer.class).single();
    }

    private int audited(String code) {
        return jdbc.sql("select count(*) from audit_event where subject like ?").param("oit:" + code + "/%").query(Integer.class).single();
    }

    private void refusedAll(List<MockHttpServletRequestBuilder> requests, Fixtures.Person who, String code) throws Exception {
        int before = stored(code);
        int audits = audited(code);
        for (int i = 0; i < requests.size(); i++) {
            MockHttpServletRequestBuilder r = requests.get(i);
            MockHttpServletResponse answer = send(r, who.signedIn());
            String what = "#" + i + " " + r.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            assertThat(answer.getStatus()).as(what).isBetween(400, 499);
            assertThat(body(answer)).as(what).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(stored(code)).isEqualTo(before);
        assertThat(audited(code)).isEqualTo(audits);
    }

    @Test
    void badInputToTheReviewRoutesIsRefusedWithA4xxAndStoresNothing() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        String code = a.code().value();
        rows().submitted(code, y.be(), "o1", "https://example.go.th/structure");
        Fixtures.Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        clock.setToday(y.review());
        String item = "/oit/review/" + code + "/" + y.be() + "/o1";
        refusedAll(List.of(
                // a version for an item nobody has judged yet (was an IllegalStateException, a 500)
                verdict(a, y, "o1", "1", "yes", "", "yes", ""),
                verdict(a, y, "o1", "abc", "yes", "", "yes", ""),
                verdict(a, y, "o1", "99999999999", "yes", "", "yes", ""),
                verdict(a, y, "o1", "", "maybe", "", "yes", ""),
                verdict(a, y, "o1", "", "yes", "ก".repeat(100_000), "yes", ""),
                verdict(a, y, "o1", "", "yes", "a\u0000b", "yes", ""),
                verdict(a, y, "o999", "", "yes", "", "yes", ""),
                verdict(a, y, "o2", "", "yes", "", "yes", ""), // not submitted
                post("/oit/review/" + code + "/99999/o1").param("pass.1", "yes").param("pass.2", "yes"),
                post("/oit/review/" + code + "/-1/o1").param("pass.1", "yes").param("pass.2", "yes"),
                post("/oit/review/" + code + "/99999999999/o1").param("pass.1", "yes"),
                post("/oit/review/NO-SUCH/" + y.be() + "/o1").param("pass.1", "yes"),
                post(item + "/reopen").param("reason", "ก".repeat(100_000)),
                post("/oit/review/" + code + "/" + y.be() + "/confirm"), // not the confirmation phase
                post("/oit/review/" + code + "/0/confirm")), assessor, code);
        // the same form, well made, is stored: the refusals above were for their input, not the route
        assertThat(send(verdict(a, y, "o1", "", "yes", "", "yes", ""), assessor.signedIn()).getStatus()).isEqualTo(302);
        // once judged, the central administrator's reopen of an unconfirmed item and bad reasons
        Fixtures.Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        clock.setToday(y.confirmation());
        refusedAll(List.of(
                post(item + "/reopen").param("reason", "ก".repeat(100_000)),
                post(item + "/reopen").param("reason", "a\u0000b"),
                post(item + "/reopen"),
                post("/oit/review/" + code + "/" + y.be() + "/o999/reopen").param("reason", "เหตุผล")), central, code);
    }

    @Test
    void badInputToTheAgencysClarificationIsRefusedWithA4xxAndStoresNothing() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        String code = a.code().value();
        rows().submitted(code, y.be(), "o1", "https://example.go.th/structure");
        Fixtures.Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Fixtures.Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a.code()).create();
        clock.setToday(y.review());
        send(verdict(a, y, "o1", "", "no", "ไม่พบ", "yes", ""), assessor.signedIn());
        clock.setToday(y.clarification());
        String page = "/agency/" + code + "/oit/" + y.be() + "/verdicts";
        refusedAll(List.of(
                post(page).param("item", "o1").param("text", "ก".repeat(100_000)),
                post(page).param("item", "o1").param("text", "a\u0000b"),
                post(page).param("item", "o1"),
                post(page).param("text", "ดูข้อ 2"),
                post(page).param("item", "o999").param("text", "ดูข้อ 2"),
                post(page).param("item", "ก".repeat(10_000)).param("text", "ดูข้อ 2"),
                post("/agency/" + code + "/oit/99999/verdicts").param("item", "o1").param("text", "ดูข้อ 2"),
                post("/agency/" + code + "/oit/abc/verdicts").param("item", "o1").param("text", "ดูข้อ 2")), admin, code);
    }

    @Test
    void badInputToTheAgencysSubmissionIsRefusedWithA4xxAndStoresNothing() throws Exception {
        Year y = year();
        Agency a = fixtures.agency().create();
        String code = a.code().value();
        Fixtures.Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a.code()).create();
        clock.setToday(y.submission());
        String item = "/agency/" + code + "/oit/" + y.be() + "/o1";
        StringBuilder manyLines = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            manyLines.append("https://example.go.th/p").append(i).append('\n');
        }
        refusedAll(List.of(
                post(item).param("links", "https://example.go.th/" + "a".repeat(100_000)),
                post(item).param("links", manyLines.toString()),
                post(item).param("links", "https://example.go.th/x").param("note", "ก".repeat(100_000)),
                post(item).param("links", "https://example.go.th/x").param("note", "a\u0000b"),
                post(item).param("links", "https://example.go.th/x").param("version", "abc"),
                post(item).param("links", "https://example.go.th/x").param("version", "99999999999"),
                post(item).param("links", "javascript:alert(1)"),
                post(item).param("links", "file:///etc/passwd"),
                post("/agency/" + code + "/oit/" + y.be() + "/o999").param("links", "https://example.go.th/x"),
                post("/agency/" + code + "/oit/99999/o1").param("links", "https://example.go.th/x"),
                post("/agency/" + code + "/oit/abc/o1").param("links", "https://example.go.th/x")), admin, code);
    }
}
