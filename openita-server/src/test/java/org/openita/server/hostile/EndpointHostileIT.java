package org.openita.server.hostile;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.ResultFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint that changes something (POST, PUT, DELETE or PATCH in Spring's handler mappings, so a new one is
 * covered without being listed here) is sent generated bad requests over real HTTP by a signed-in central
 * administrator, who may call all of them: pages with the session's CSRF token, the API with a bearer token. Each
 * answer must be below 500, readable (a problem detail for the API, a page for people) and leak nothing; nothing
 * stored may change. See docs/security.md.
 */
class EndpointHostileIT extends HostileTestSupport {

    static final String TEST = "EndpointHostileIT";
    static final String CODE = "HOST-E01";
    static final String WEB_USER = "hostile-web";
    static final String PASSWORD = "Hostile-Pass-2569";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static String apiToken;
    static long measure;
    static long token;
    /** The fiscal year the /cycles cases use: its calendar is this test's own. */
    static int cycleYear;

    @Autowired
    MeasurePlans plans;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    WebClient web;
    WebClient api;

    @BeforeEach
    void agencyResultsMeasureAndPeople() throws Exception {
        if (cycleYear == 0) {
            var calendar = fixtures.cycleCalendar(); // made here, so /cycles/{year} answers the same whichever test ran first
            calendar.create();
            cycleYear = calendar.year().buddhistEra();
        }
        if (apiToken == null) {
            registry.importFile("test", "endpoints.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + CODE
                    + ",องค์การบริหารส่วนตำบลปลายทางเสีย,อบต.\nHOST-E02,เทศบาลตำบลปลายทางเสีย,เทศบาลตำบล\n").getBytes(StandardCharsets.UTF_8)),
                    AgencyRegistry.Mode.ALL_OR_NOTHING);
            var report = imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + CODE
                    + ",2568,91.5\nHOST-E02,2568,72.25\n").getBytes(StandardCharsets.UTF_8)), c -> true);
            assertThat(report.problems()).isEmpty();
            MeasureForm form = new MeasureForm();
            form.setTitle("มาตรการที่ถูกส่งข้อมูลเสีย");
            form.setMilestoneLabel(List.of("ติดตามผลครั้งแรก"));
            form.setMilestoneDue(List.of("2026-03-31"));
            measure = editing.create("test", AgencyCode.of(CODE), FiscalYear.of(2568), form).id();
            accounts.create("test", WEB_USER, "ผู้ดูแลส่วนกลางทดสอบ", Role.CENTRAL_ADMIN, PASSWORD, false);
            accounts.create("test", "hostile-api", "ผู้ใช้ API ทดสอบ", Role.CENTRAL_ADMIN, PASSWORD, false);
            apiToken = tokens.create("hostile-api", "hostile");
            tokens.create(WEB_USER, "a token to revoke");
            token = tokens.list(WEB_USER).get(0).id();
        }
        web = new WebClient(port, WEB_USER, PASSWORD);
        web.signIn();
        api = new WebClient(port, "hostile-api", PASSWORD);
    }

    /** Good values by name: what a person would send, so that the spoiled part is what the answer is about. */
    private Map<String, String> good(Endpoint e) {
        Map<String, String> m = new HashMap<>();
        m.put("code", CODE);
        m.put("year", e.pattern().equals("/cycles") ? Integer.toString(cycleYear) : "2568");
        m.put("id", Long.toString(e.pattern().startsWith("/account/tokens") ? token : measure));
        m.put("token", "no-such-reset-token");
        m.put("username", "hz{random}");
        m.put("displayName", "ผู้ทดสอบข้อมูลเสีย");
        m.put("role", "VIEWER");
        m.put("agency", "");
        m.put("access", "");
        m.put("email", "someone@example.go.th");
        m.put("label", "ป้ายกำกับทดสอบ");
        m.put("current", PASSWORD);
        m.put("new", "Another-Pass-2569!");
        m.put("confirm", "Another-Pass-2569!");
        m.put("staffCount", "25");
        m.put("title", "มาตรการทดสอบ");
        m.put("steps", "ขั้นที่ 1");
        m.put("steps[]", "ขั้นที่ 1");
        m.put("unit", "กองคลัง");
        m.put("owner", "นางสาวทดสอบ");
        m.put("startsOn", "2026-01-05");
        m.put("dueOn", "2026-06-30");
        m.put("addresses", "ประเด็นที่แก้ไข");
        m.put("oitItems", "o1");
        m.put("oitItems[]", "o1");
        m.put("status", "IN_PROGRESS");
        m.put("note", "บันทึกความคืบหน้า");
        m.put("evidence", "https://example.go.th/evidence");
        m.put("evidence[]", "https://example.go.th/evidence");
        m.put("milestoneLabel[0]", "ติดตามผล");
        m.put("milestoneDue[0]", "2026-03-31");
        m.put("reachedMilestones.empty", "");
        m.put("version", Integer.toString(plans.measure(AgencyCode.of(CODE), FiscalYear.of(2568), measure).map(x -> x.version()).orElse(0)));
        m.put("publish", "true");
        m.put("mode", "ALL_OR_NOTHING");
        m.put("preparedPosition", "นักวิเคราะห์นโยบายและแผน");
        m.put("preparedName", "นางสาวทดสอบ ข้อมูลเสีย");
        m.put("reviewedPosition", "ปลัดองค์การบริหารส่วนตำบล");
        m.put("reviewedName", "");
        m.put("approvedPosition", "นายกองค์การบริหารส่วนตำบล");
        m.put("approvedName", "");
        return m;
    }

    /** A file that must be refused, from the importers' generators. */
    static Function<SplittableRandom, Case> badFiles() {
        CsvCases csv = new CsvCases("endpoint-csv", r -> ResultImportHostileIT.template());
        XlsxCases xlsx = new XlsxCases("endpoint-xlsx", r -> ResultImportHostileIT.template());
        JsonCases json = new JsonCases("endpoint-json", ResultImportHostileIT::jsonTemplate);
        return r -> {
            for (int i = 0; ; i++) {
                int n = r.nextInt(1_000_000);
                Case c = switch (r.nextInt(3)) {
                    case 0 -> csv.make(n);
                    case 1 -> xlsx.make(n);
                    default -> json.make(n);
                };
                if (c.mustRefuse() || i > 20) {
                    return c;
                }
            }
        };
    }

    private static boolean thai(String s) {
        return s.codePoints().anyMatch(c -> c >= 0x0E01 && c <= 0x0E5B);
    }

    private Run.Outcome send(Endpoint e, RequestCases.Request q) throws Exception {
        String before = q.sure() ? null : StoredState.of(jdbc);
        WebClient.Answer a = e.api() ? api.send(q.method(), q.path(), q.contentType(), q.body(), apiToken)
                : web.send(q.method(), q.path(), q.contentType(), q.body(), null);
        List<String> texts = List.of(a.type().startsWith("text/html") ? Leaks.withoutFormValues(a.body()) : a.body(),
                a.location() == null ? "" : a.location());
        String kind = "http-" + a.status();
        String fault = null;
        if (a.status() >= 500) {
            fault = "answered " + a.status() + ": " + Leaks.unescape(ResultImportHostileIT.shorten(a.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")));
        } else if (a.body().length() > 1_000_000 + (e.api() ? 0 : 2L * (q.body() == null ? 0 : q.body().length))) {
            // a page may show a form again with what was typed in it (at most what the container reads, 2 MB); nothing else grows
            fault = "the answer grows with the input: " + a.body().length() + " characters";
        } else if (a.body().contains("Whitelabel Error Page")) {
            fault = "Spring's default error page, not ours";
        } else if (a.status() >= 400 && e.api() && a.type().startsWith("application/problem+json")) {
            JsonNode p = JSON.readTree(a.body());
            if (p.path("code").asString("").isBlank() || !thai(p.path("detailTh").asString(""))) {
                fault = "the API's " + a.status() + " has no code or Thai text: " + ResultImportHostileIT.shorten(a.body());
            }
        } else if (a.status() >= 400 && e.api()) {
            kind += a.body().isBlank() ? " (container, empty)" : " (container)";
            if (!a.body().isBlank() && !a.type().startsWith("text/html")) {
                fault = "the API's " + a.status() + " is neither a problem detail nor the container's page: " + a.type();
            }
        } else if (a.status() >= 400 && !thai(a.body()) && !a.body().isBlank()) {
            kind += " (container)";
        }
        if (a.status() == 302 && a.location() != null && a.location().contains("/login")) {
            kind = "signed-out";
            unlockAndSignIn();
        } else if (a.status() == 302 && a.location() != null && a.location().contains("/imports/")) {
            kind = "import-started";
            waitFor(a.location());
        }
        if (!e.api() && e.pattern().startsWith("/account/")) {
            jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = ?").param(WEB_USER).update();
        }
        if (before != null && !before.equals(StoredState.of(jdbc))) {
            kind = "carried out (the request was not surely bad)";
            return new Run.Outcome("accepted", texts, fault);
        }
        return new Run.Outcome(kind, texts, fault);
    }

    /** Wrong current passwords lock the account and end the session: the fixture unlocks it and signs in again. */
    private void unlockAndSignIn() throws Exception {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = ?").param(WEB_USER).update();
        web.signIn();
    }

    /** An import runs in the background: its end is awaited before what is stored is compared. */
    private void waitFor(String location) throws Exception {
        String path = java.net.URI.create(location).getPath();
        for (int i = 0; i < 300; i++) {
            WebClient.Answer a = web.get(path);
            if (a.body().contains("data-testid=\"results-report\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the import at " + location + " did not end");
    }

    @Test
    void everyEndpointThatChangesSomethingRefusesBadRequestsCleanly() throws Exception {
        List<Endpoint> endpoints = Endpoint.all(mappings.getHandlerMethods());
        assertThat(endpoints).extracting(Endpoint::describe).contains("POST /api/v1/results", "PUT /api/v1/agencies/{code}/measures/{year}/{id}",
                "DELETE /api/v1/agencies/{code}/measures/{year}/{id}", "POST /agencies/import", "POST /users", "POST /account/password");
        Function<SplittableRandom, Case> files = badFiles();
        List<Run.Result> results = new ArrayList<>();
        for (Endpoint e : endpoints) {
            RequestCases gen = new RequestCases(e, good(e), files);
            Run run = new Run(TEST, e.describe().replace(' ', '_').replaceAll("[^A-Za-z0-9_.-]", "-"), "body");
            RequestCases.Request[] last = new RequestCases.Request[1];
            results.add(run.run(Hostile.ENDPOINT_COUNT, i -> {
                RequestCases.Request q = gen.make(i);
                last[0] = q;
                return new Case(e.describe(), i, q.description() + " [" + q.method() + " " + ResultImportHostileIT.shorten(q.path()) + ", "
                        + q.contentType() + "]", q.body() == null ? new byte[0] : q.body(),
                        q.path() + "\n" + (q.body() == null ? "" : Bytes.lenient(q.body())), q.sure());
            }, c -> send(e, last[0]), () -> StoredState.of(jdbc)));
        }
        Hostile.figures("endpoints: " + endpoints.size() + ", requests each: " + Hostile.ENDPOINT_COUNT + ", sign-ins: " + web.signIns());
        Run.check(results);
    }
}
