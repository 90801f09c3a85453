package org.openita.server.security;

import org.openita.core.framework.FiscalYear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two agencies and a person of every role; every GET endpoint of the application (read from Spring's
 * handler mappings, so new ones are covered) is tried by every person with each agency's code. Only the
 * people allowed to see an agency get its data; changing the code in the address gets "not found".
 */
class TenantIsolationIT extends ServerTestSupport {

    /** The people of each role, by a label; which agencies each sees is in {@link World#sees}. */
    static final Map<String, Role> ROLES = Map.of("central", Role.CENTRAL_ADMIN, "admin-a", Role.AGENCY_ADMIN,
            "staff-a", Role.AGENCY_STAFF, "admin-b", Role.AGENCY_ADMIN, "assessor-a", Role.ASSESSOR, "viewer-b", Role.VIEWER);
    /** Agency pages for changing things: only the agency's administrator and the central administrator. */
    static final Set<String> MANAGERS_ONLY = Set.of("/agency/{code}/results/import", "/agency/{code}/results/template.{format}",
            "/agency/{code}/measures/{year}/new", "/agency/{code}/surveys/{year}/eit-poster.pdf", "/agency/{code}/surveys/{year}/eit-card.pdf",
            "/agency/{code}/surveys/{year}/iit-poster.pdf", "/agency/{code}/surveys/{year}/iit.{format}", "/agency/{code}/surveys/{year}/eit.{format}",
            "/agency/{code}/surveys/{year}/eit2.{format}",
            "/agency/{code}/contacts/{year}", "/agency/{code}/contacts/template.csv", "/agency/{code}/contacts/template.xlsx");
    /** Pages about one person's own work (an import they started): not found for anyone else, tested in their own tests. */
    static final Set<String> OWN_WORK = Set.of("/imports/{id}", "/public/{code}/{year}", "/public/{code}/{year}/report.{format}",
            "/public/{code}/{year}/follow-up.{format}", "/open-data/{year}.{format}",
            "/oit/snapshots/{id}");
    static final Set<String> ANY_SIGNED_IN = Set.of("/", "/login", "/account/password", "/account/reset", "/account/reset/{token}", "/agency", "/error", "/demo/report.{format}", "/open-data", "/upload-too-large",
            "/api/docs", "/api/docs.yaml", "/api/docs/swagger-config", "/api/docs/ui", "/account/tokens");
    /**
     * The assessors' own field work: their list of agencies and contacts (their assigned agencies only, FieldContactsIT), the
     * field questionnaire of EIT part 2 and the package a device keeps; every other role is refused. The package is "not
     * found" to an assessor when no year has a survey phase today (other tests' calendars decide that), which still is
     * not a refusal.
     */
    static final Set<String> ASSESSORS_ONLY = Set.of("/field", "/field/app", "/api/v1/field/package");
    /**
     * The OIT review (OitReviewIT): assessors of the agency and the central administrator; others who see the agency are
     * refused (403), those who do not see it find nothing (404). The queue lists only the assessor's own agencies.
     */
    static final Set<String> REVIEWERS = Set.of("/oit/review", "/oit/review/{code}/{year}", "/oit/review/{code}/{year}/{item}");


    @Autowired
    org.openita.server.measures.MeasurePlans plans;
    @Autowired
    org.openita.server.agency.AgencyReportDetails reportDetails;
    @Autowired
    org.openita.server.results.ResultImports imports;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    org.openita.server.framework.FrameworkCatalog frameworks;

    /**
     * This test's two agencies (with results, a measure each and a logo) and a person of every role. {@code measure} holds a
     * measure of each agency, so that measure pages are tried with real ids; the viewer's page (/users/{username}), for the
     * central administrator only, is tried with a real account.
     */
    private record World(String a, String b, String aName, String bName, Map<String, Person> people, Map<String, Set<String>> sees,
                         Map<String, Long> measure) {
        RequestPostProcessor as(String label) {
            return people.get(label).signedIn();
        }
    }

    private World twoAgenciesAndAPersonOfEachRole() throws Exception {
        Agency agencyA = fixtures.agency().create();
        Agency agencyB = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).create();
        String a = agencyA.code().value();
        String b = agencyB.code().value();
        fixtures.officialResults(a, 2568).scoring(91.5).create();
        fixtures.officialResults(b, 2568).scoring(88.25).create();
        Map<String, Long> measure = new HashMap<>();
        for (String code : List.of(a, b)) {
            var form = new org.openita.server.measures.MeasureForm();
            form.setTitle("มาตรการทดสอบ " + code);
            measure.put(code, editing.create("test", AgencyCode.of(code), FiscalYear.of(2568), form).id());
            // so that GET /agency/{code}/logo answers 200 to those who may see the agency
            reportDetails.storeLogo("test", AgencyCode.of(code), new ByteArrayInputStream(org.openita.server.agency.Logos.png(40, 40)));
            // five IIT responses, the fewest an agency's IIT export shows, so that its export answers 200 to those who may have it
            var responses = new org.openita.server.survey.internal.SurveyResponses(jdbc);
            var def2568 = frameworks.active(2568).orElseThrow();
            responses.iit(AgencyCode.of(code), def2568, 5);
            // and three EIT part-2 responses, the fewest its part-2 export shows
            for (int k = 0; k < 3; k++) {
                responses.survey(AgencyCode.of(code), 2568, java.time.LocalDate.now(),
                        org.openita.server.survey.internal.SurveyResponses.answers(def2568, org.openita.server.survey.internal.SurveyPart.EIT_SURVEY, k));
            }
        }
        Map<String, Set<String>> sees = Map.of("central", Set.of(a, b), "admin-a", Set.of(a), "staff-a", Set.of(a), "admin-b", Set.of(b),
                "assessor-a", Set.of(a), "viewer-b", Set.of(b));
        Map<String, Person> people = new HashMap<>();
        for (var e : ROLES.entrySet()) {
            Role role = e.getValue();
            String code = sees.get(e.getKey()).iterator().next();
            var person = fixtures.person(role);
            if (role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF) {
                person.of(code);
            } else if (role != Role.CENTRAL_ADMIN) {
                person.seeing(code);
            }
            people.put(e.getKey(), person.create());
        }
        return new World(a, b, agencyA.nameTh(), agencyB.nameTh(), people, sees, measure);
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
        World w = twoAgenciesAndAPersonOfEachRole();
        String A = w.a();
        String B = w.b();
        List<String> patterns = getPatterns();
        assertThat(patterns).contains("/agency/{code}", "/agency/{code}/logo", "/agencies", "/agencies/template.csv", "/agencies/template.xlsx", "/users", "/users/{username}", "/audit", "/cycles/{year}",
                "/frameworks", "/frameworks/{year}", "/frameworks/versions/{id}", "/surveys/close", "/surveys/close/{year}",
                "/surveys/close/{year}/reopen", "/field/app", "/api/v1/field/package", "/agency/{code}/contacts/{year}",
                "/agency/{code}/contacts/template.csv", "/agency/{code}/contacts/template.xlsx", "/field", "/surveys/assessors", "/surveys/assessors/template.{format}",
                "/oit/review", "/oit/review/{code}/{year}", "/oit/review/{code}/{year}/{item}", "/oit/snapshots/{id}",
                "/agency/{code}/oit/{year}/verdicts");
        List<String> wrong = new ArrayList<>();
        for (String person : ROLES.keySet()) {
            Role role = ROLES.get(person);
            for (String pattern : patterns) {
                for (String code : pattern.contains("{code}") ? List.of(A, B) : List.of("")) {
                    if (OWN_WORK.contains(pattern) || pattern.startsWith("/s/")) {
                        continue; // /s/: the survey answer pages, open to anyone without an account (SurveyAnswersIT)
                    }
                    String path = pattern.replace("{code}", code).replace("{format}", pattern.contains("template") || pattern.contains("/surveys/") ? "csv" : "pdf")
                            .replace("{id}", code.isEmpty() ? "1" : Long.toString(w.measure().get(code))).replace("{year}", "2568")
                            .replace("{username}", w.people().get("viewer-b").username()).replace("{item}", "o1").replaceAll("\\{[^}]+}", "x");
                    int status = mvc.perform(get(path).with(w.as(person))).andReturn().getResponse().getStatus();
                    boolean ok = status == 200 || (status == 413 && pattern.equals("/upload-too-large")) || (status == 302 && (pattern.equals("/agency") || pattern.equals("/api/docs/ui")));
                    if (ASSESSORS_ONLY.contains(pattern) && status == 404 && pattern.startsWith("/api/")) {
                        ok = true;
                    }
                    boolean expected;
                    boolean manages = role == Role.CENTRAL_ADMIN || (role == Role.AGENCY_ADMIN && w.sees().get(person).contains(code));
                    if (MANAGERS_ONLY.contains(pattern)) {
                        expected = manages;
                    } else if (REVIEWERS.contains(pattern)) {
                        expected = (role == Role.ASSESSOR || role == Role.CENTRAL_ADMIN) && (code.isEmpty() || w.sees().get(person).contains(code));
                    } else if (ASSESSORS_ONLY.contains(pattern)) {
                        expected = role == Role.ASSESSOR;
                    } else if (pattern.contains("{code}")) {
                        expected = w.sees().get(person).contains(code);
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
                        assertThat(status).as(person + " " + path).isEqualTo(w.sees().get(person).contains(code) ? 403 : 404);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void writesToAnotherAgencyAreNotFoundEither() throws Exception {
        World w = twoAgenciesAndAPersonOfEachRole();
        String A = w.a();
        String B = w.b();
        List<String> posts = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                // not /s/: the survey answer forms take answers from anyone, signed in or not (SurveyAnswersIT)
                info.getPatternValues().stream().filter(p -> p.contains("{code}") && !p.startsWith("/s/")).forEach(posts::add);
            }
        }
        assertThat(posts).contains("/agency/{code}/staff", "/agency/{code}/logo", "/agency/{code}/logo/remove", "/agency/{code}/sign-off",
                "/agency/{code}/publication/{year}", "/agency/{code}/surveys/{year}/slips", "/agency/{code}/contacts/{year}/add",
                "/agency/{code}/contacts/{year}/upload", "/agency/{code}/contacts/{year}/delete");
        List<String> wrong = new ArrayList<>();
        for (String person : ROLES.keySet()) {
            for (String pattern : posts) {
                for (String code : List.of(A, B)) {
                    String path = pattern.replace("{code}", code).replace("{year}", "2568").replace("{id}", Long.toString(w.measure().get(code)))
                            .replaceAll("\\{[^}]+}", "1");
                    int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                                    .param("staffCount", "7").with(w.as(person))
                                    .contentType(path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded")
                                    .content(path.startsWith("/api/") ? "{}" : "")
                                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                            .andReturn().getResponse().getStatus();
                    if (!w.sees().get(person).contains(code) && status != 404) {
                        wrong.add(person + " POST " + path + " -> " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAgencyListShowsOnlyOwnAgencies() throws Exception {
        World w = twoAgenciesAndAPersonOfEachRole();
        String viewer = mvc.perform(get("/agency").with(w.as("viewer-b"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewer).contains(w.bName()).doesNotContain(w.aName());
        String admin = mvc.perform(get("/agency").with(w.as("admin-a"))).andReturn().getResponse().getRedirectedUrl();
        assertThat(admin).isEqualTo("/agency/" + w.a());
    }

    /**
     * An assessor's agencies are the ones the central administrator assigned on /surveys/assessors (ADR 0031): before
     * the assignment the assessor sees neither agency, after it only the assigned one (its page, its results, the list
     * of agencies), and once it is removed, neither again; the other agency answers "not found" throughout.
     */
    @Test
    void anAssessorSeesOnlyTheAgenciesAssignedOnTheAssessorsPage() throws Exception {
        World w = twoAgenciesAndAPersonOfEachRole();
        Person assessor = fixtures.person(Role.ASSESSOR).create();
        RequestPostProcessor central = w.as("central");
        List<String> pages = List.of("/agency/%s", "/agency/%s/results/2568", "/agency/%s/logo");
        for (String page : pages) {
            for (String code : List.of(w.a(), w.b())) {
                assertThat(status(String.format(page, code), assessor.signedIn())).as("before: " + page + " " + code).isEqualTo(404);
            }
        }
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/surveys/assessors")
                        .param("assessor", assessor.username()).param("agency", w.a()).with(central)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        for (String page : pages) {
            assertThat(status(String.format(page, w.a()), assessor.signedIn())).as("assigned: " + page).isEqualTo(200);
            assertThat(status(String.format(page, w.b()), assessor.signedIn())).as("not assigned: " + page).isEqualTo(404);
        }
        String list = mvc.perform(get("/agency").with(assessor.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(w.aName()).doesNotContain(w.bName());
        assertThat(status("/surveys/assessors", assessor.signedIn())).isEqualTo(403);

        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/surveys/assessors/remove")
                        .param("assessor", assessor.username()).param("agency", w.a()).with(central)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        for (String page : pages) {
            assertThat(status(String.format(page, w.a()), assessor.signedIn())).as("removed: " + page).isEqualTo(404);
        }
    }

    private int status(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andReturn().getResponse().getStatus();
    }
}
