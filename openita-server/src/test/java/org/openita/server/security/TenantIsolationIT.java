package org.openita.server.security;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two agencies and a person of every role; every GET endpoint of the application (read from Spring's
 * handler mappings, so new ones are covered) is tried by every person with each agency's code. Only the
 * people allowed to see an agency get its data; changing the code in the address gets "not found".
 */
class TenantIsolationIT extends ServerTestSupport {

    static final String A = "ISO-A";
    static final String B = "ISO-B";

    /** Who may see which agency. */
    static final Map<String, Set<String>> SEES = Map.of(
            "iso-central", Set.of(A, B),
            "iso-admin-a", Set.of(A),
            "iso-staff-a", Set.of(A),
            "iso-admin-b", Set.of(B),
            "iso-assessor-a", Set.of(A),
            "iso-viewer-b", Set.of(B));
    static final Map<String, Role> ROLES = Map.of("iso-central", Role.CENTRAL_ADMIN, "iso-admin-a", Role.AGENCY_ADMIN,
            "iso-staff-a", Role.AGENCY_STAFF, "iso-admin-b", Role.AGENCY_ADMIN, "iso-assessor-a", Role.ASSESSOR,
            "iso-viewer-b", Role.VIEWER);
    /** Agency pages for changing things: only the agency's administrator and the central administrator. */
    static final Set<String> MANAGERS_ONLY = Set.of("/agency/{code}/results/import", "/agency/{code}/results/template.{format}",
            "/agency/{code}/measures/{year}/new");
    /** A measure of each agency, so that measure pages are tried with real ids. */
    static final java.util.Map<String, Long> MEASURE = new java.util.concurrent.ConcurrentHashMap<>();
    /** Pages about one person's own work (an import they started): not found for anyone else, tested in their own tests. */
    static final Set<String> OWN_WORK = Set.of("/imports/{id}", "/public/{code}/{year}", "/public/{code}/{year}/report.{format}",
            "/public/{code}/{year}/follow-up.{format}", "/open-data/{year}.{format}");
    static final Set<String> ANY_SIGNED_IN = Set.of("/", "/login", "/account/password", "/account/reset", "/account/reset/{token}", "/agency", "/error", "/demo/report.{format}", "/open-data", "/upload-too-large",
            "/api/docs", "/api/docs.yaml", "/api/docs/swagger-config", "/api/docs/ui", "/account/tokens");

    /** A person's page (/users/{username}), for the central administrator only: tried with a real account. */
    static final String PERSON = "iso-viewer-b";

    @Autowired
    org.openita.server.measures.MeasurePlans plans;
    @Autowired
    org.openita.server.measures.MeasureEditing editing;
    @Autowired
    org.openita.server.measures.ProgressRecording progress;
    @Autowired
    org.openita.server.measures.PlanConfirmation confirmation;
    @Autowired
    org.openita.server.publication.internal.Publications publications;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    org.openita.server.agency.AgencyReportDetails reportDetails;
    @Autowired
    org.openita.server.results.ResultImports imports;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void twoAgenciesAndAPersonOfEachRole() throws Exception {
        setUp();
        for (String code : List.of(A, B)) {
            if (reportDetails.logoInfo(AgencyCode.of(code)).isEmpty()) {
                // so that GET /agency/{code}/logo answers 200 to those who may see the agency
                reportDetails.storeLogo("test", AgencyCode.of(code), new ByteArrayInputStream(org.openita.server.agency.Logos.png(40, 40)));
            }
        }
    }

    private void setUp() throws Exception {
        if (accounts.find("iso-central").isPresent()) {
            if (MEASURE.isEmpty()) {
                for (String code : List.of(A, B)) {
                    MEASURE.put(code, plans.plan(AgencyCode.of(code), FiscalYear.of(2568)).orElseThrow().measures().get(0).id());
                }
            }
            return;
        }
        String csv = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + A + ",องค์การบริหารส่วนตำบลเอ,อบต.\n" + B + ",เทศบาลตำบลบี,เทศบาลตำบล\n";
        registry.importFile("test", "iso.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        String resultsCsv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + A + ",2568,91.5\n" + B + ",2568,88.25\n";
        var report = imports.run("test", org.openita.server.results.ResultFile.Format.CSV,
                new ByteArrayInputStream(resultsCsv.getBytes(StandardCharsets.UTF_8)), c -> true);
        assertThat(report.problems()).isEmpty();
        for (String code : List.of(A, B)) {
            var form = new org.openita.server.measures.MeasureForm();
            form.setTitle("มาตรการทดสอบ " + code);
            MEASURE.put(code, editing.create("test", AgencyCode.of(code), FiscalYear.of(2568), form).id());
        }
        for (var e : ROLES.entrySet()) {
            Role role = e.getValue();
            boolean agencyRole = role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF;
            Set<String> sees = SEES.get(e.getKey());
            accounts.createAssigned("test", e.getKey(), e.getKey(), role, "irrelevant-pass", agencyRole ? sees.iterator().next() : null,
                    agencyRole || role == Role.CENTRAL_ADMIN ? List.of() : List.copyOf(sees));
        }
    }

    private List<String> getPatterns() {
        List<String> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> m = info.getMethodsCondition().getMethods();
            if (m.isEmpty() || m.contains(RequestMethod.GET)) {
                out.addAll(info.getPatternValues());
            }
        }
        return out;
    }

    @Test
    void everyPersonSeesOnlyWhatTheirRoleAndAgencyAllow() throws Exception {
        List<String> patterns = getPatterns();
        assertThat(patterns).contains("/agency/{code}", "/agency/{code}/logo", "/agencies", "/agencies/template.csv", "/agencies/template.xlsx", "/users", "/users/{username}", "/audit", "/cycles/{year}",
                "/frameworks", "/frameworks/{year}", "/frameworks/versions/{id}");
        List<String> wrong = new ArrayList<>();
        for (String person : ROLES.keySet()) {
            Role role = ROLES.get(person);
            for (String pattern : patterns) {
                for (String code : pattern.contains("{code}") ? List.of(A, B) : List.of("")) {
                    if (OWN_WORK.contains(pattern)) {
                        continue;
                    }
                    String path = pattern.replace("{code}", code).replace("{format}", pattern.contains("template") ? "csv" : "pdf")
                            .replace("{id}", code.isEmpty() ? "1" : Long.toString(MEASURE.get(code))).replace("{year}", "2568")
                            .replace("{username}", PERSON).replaceAll("\\{[^}]+}", "x");
                    int status = mvc.perform(get(path).with(user(person).roles(role.name()))).andReturn().getResponse().getStatus();
                    boolean ok = status == 200 || (status == 413 && pattern.equals("/upload-too-large")) || (status == 302 && (pattern.equals("/agency") || pattern.equals("/api/docs/ui")));
                    boolean expected;
                    boolean manages = role == Role.CENTRAL_ADMIN || (role == Role.AGENCY_ADMIN && SEES.get(person).contains(code));
                    if (MANAGERS_ONLY.contains(pattern)) {
                        expected = manages;
                    } else if (pattern.contains("{code}")) {
                        expected = SEES.get(person).contains(code);
                    } else if (ANY_SIGNED_IN.contains(pattern)) {
                        expected = true;
                    } else {
                        expected = role == Role.CENTRAL_ADMIN && !pattern.equals("/cycles/{year}");
                    }
                    if (ok != expected && !(pattern.equals("/error"))) {
                        wrong.add(person + " GET " + path + " -> " + status + " (expected " + (expected ? "allowed" : "refused") + ")");
                    }
                    if (!ok && pattern.contains("{code}")) {
                        // no hint that the agency exists; those who may see it but not change it are told so
                        assertThat(status).as(person + " " + path).isEqualTo(SEES.get(person).contains(code) ? 403 : 404);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void writesToAnotherAgencyAreNotFoundEither() throws Exception {
        List<String> posts = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPatternValues().stream().filter(p -> p.contains("{code}")).forEach(posts::add);
            }
        }
        assertThat(posts).contains("/agency/{code}/staff", "/agency/{code}/logo", "/agency/{code}/logo/remove", "/agency/{code}/sign-off",
                "/agency/{code}/publication/{year}");
        List<String> wrong = new ArrayList<>();
        for (String person : ROLES.keySet()) {
            for (String pattern : posts) {
                for (String code : List.of(A, B)) {
                    String path = pattern.replace("{code}", code).replace("{year}", "2568").replace("{id}", Long.toString(MEASURE.get(code)))
                            .replaceAll("\\{[^}]+}", "1");
                    int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                                    .param("staffCount", "7").with(user(person).roles(ROLES.get(person).name()))
                                    .contentType(path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded")
                                    .content(path.startsWith("/api/") ? "{}" : "")
                                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                            .andReturn().getResponse().getStatus();
                    if (!SEES.get(person).contains(code) && status != 404) {
                        wrong.add(person + " POST " + path + " -> " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAgencyListShowsOnlyOwnAgencies() throws Exception {
        String viewer = mvc.perform(get("/agency").with(user("iso-viewer-b").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewer).contains("เทศบาลตำบลบี").doesNotContain("องค์การบริหารส่วนตำบลเอ");
        String admin = mvc.perform(get("/agency").with(user("iso-admin-a").roles("AGENCY_ADMIN"))).andReturn().getResponse().getRedirectedUrl();
        assertThat(admin).isEqualTo("/agency/" + A);
    }
}
