package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.ToolCode;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sending EIT part 2 answers from an assessor's device over HTTP to the running server: stored once under the device's
 * identifier however often and however many times at once it is sent; a conflicting resend keeps the first; outside
 * the collection, refused with its own code; only an assigned assessor's token is taken.
 */
class FieldResponsesIT extends ServerTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;
    @Autowired
    SurveyClosing closing;
    @Autowired
    ApiTokens tokens;

    private record Field(SurveyYears year, Agency agency, Agency other, Person assessor, String token) {
    }

    private Field field() {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8);
        clock.setToday(y.surveyDay());
        windows.forget();
        Agency agency = fixtures.agency().create();
        Agency other = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(agency.code()).create();
        return new Field(y, agency, other, assessor, tokens.create(assessor.username(), "อุปกรณ์ทดสอบ"));
    }

    /** Every question of the year's EIT part 2 answered with the option at {@code index} of its scale (from the top when negative). */
    private static Map<String, String> answers(SurveyYears y, int index) {
        Questionnaire q = Questionnaire.of(y.definition(), ToolCode.EIT, "EIT_SURVEY");
        Map<String, String> out = new LinkedHashMap<>();
        for (Questionnaire.Field f : q.fields()) {
            var options = q.itemOf(f.name()).orElseThrow().scale().options();
            out.put(f.answerKey(), options.get(index >= 0 ? index : options.size() + index).code());
        }
        return out;
    }

    private static String body(Agency agency, SurveyYears y, String mode, Map<String, String> answers) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("agency", agency.code().value());
        b.put("year", y.year().buddhistEra());
        b.put("mode", mode);
        b.put("answeredOn", y.surveyDay().toString());
        b.put("answers", answers);
        return JSON.writeValueAsString(b);
    }

    private static HttpResponse<String> put(String token, String id, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(publicBaseUrl() + "/api/v1/field/responses/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> r) {
        JsonNode n = JSON.readTree(r.body());
        return n.path("code").asString();
    }

    private long stored(Agency agency) {
        return jdbc.sql("select count(*) from survey_response where agency_code = ? and part = 'EIT_SURVEY'")
                .param(agency.code().value()).query(Long.class).single();
    }

    @Test
    void aResendStoresNothingNewAndAConflictingOneKeepsTheFirst() throws Exception {
        Field f = field();
        String id = UUID.randomUUID().toString();
        Map<String, String> first = answers(f.year(), -1);
        HttpResponse<String> created = put(f.token(), id, body(f.agency(), f.year(), "TELEPHONE", first));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(stored(f.agency())).isEqualTo(1);

        // the same answer again, its JSON in another order: 200 and nothing new
        Map<String, String> reordered = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(first.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reordered.put(k, first.get(k)));
        HttpResponse<String> again = put(f.token(), id, body(f.agency(), f.year(), "TELEPHONE", reordered));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asString()).isEqualTo("already-stored");
        assertThat(stored(f.agency())).isEqualTo(1);

        // other answers, or another mode, under the same identifier: 409, the first kept
        HttpResponse<String> conflict = put(f.token(), id, body(f.agency(), f.year(), "TELEPHONE", answers(f.year(), 0)));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(code(conflict)).isEqualTo("field-response-conflict");
        assertThat(JSON.readTree(conflict.body()).path("detailTh").asString()).contains("บันทึกไว้แล้ว");
        assertThat(put(f.token(), id, body(f.agency(), f.year(), "VIDEO", first)).statusCode()).isEqualTo(409);
        assertThat(stored(f.agency())).isEqualTo(1);
        String kept = jdbc.sql("select r.answers::text from survey_response r join field_response f on f.response_id = r.id where f.id = ?::uuid")
                .param(id).query(String.class).single();
        assertThat(JSON.readTree(kept)).isEqualTo(JSON.valueToTree(first));

        // the assessor and the mode are kept beside the response, not in it
        Map<String, Object> row = jdbc.sql("select assessor, mode from field_response where id = ?::uuid").param(id).query().singleRow();
        assertThat(row).containsEntry("assessor", f.assessor().username()).containsEntry("mode", "TELEPHONE");
        assertThat(kept).doesNotContain(f.assessor().username()).doesNotContain("TELEPHONE");
        // and in the central administrator's audit trail, once
        assertThat(fixtures.audits("FIELD_RESPONSE_STORED", "agency:" + f.agency().code().value())).isEqualTo(1);
    }

    @Test
    void sixteenDevicesSendingOneAnswerAtOnceStoreOne() throws Exception {
        Field f = field();
        String id = UUID.randomUUID().toString();
        String body = body(f.agency(), f.year(), "IN_PERSON", answers(f.year(), -2));
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return put(f.token(), id, body).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> s : sent) {
                statuses.add(s.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(f.agency())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from field_response where id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void afterTheCloseANewAnswerIsRefusedWithItsOwnCodeAndAResendStillAnswers200() throws Exception {
        Field f = field();
        String id = UUID.randomUUID().toString();
        Map<String, String> a = answers(f.year(), -1);
        assertThat(put(f.token(), id, body(f.agency(), f.year(), "VIDEO", a)).statusCode()).isEqualTo(201);
        closing.close(f.year().year(), "test");

        HttpResponse<String> late = put(f.token(), UUID.randomUUID().toString(), body(f.agency(), f.year(), "VIDEO", a));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(code(late)).isEqualTo("field-collection-closed");
        // the device that missed the first answer hears that it was stored
        assertThat(put(f.token(), id, body(f.agency(), f.year(), "VIDEO", a)).statusCode()).isEqualTo(200);
        assertThat(stored(f.agency())).isEqualTo(1);
    }

    @Test
    void onlyAnAssignedAssessorsDeviceIsTakenAndBadSendsSayWhatIsWrong() throws Exception {
        Field f = field();
        Map<String, String> a = answers(f.year(), -1);
        String id = UUID.randomUUID().toString();
        // another agency than the assessor's: 404, nothing stored
        HttpResponse<String> other = put(f.token(), id, body(f.other(), f.year(), "IN_PERSON", a));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(stored(f.other())).isZero();
        // no token, or an agency administrator's token: 401, 403
        assertThat(put(null, id, body(f.agency(), f.year(), "IN_PERSON", a)).statusCode()).isEqualTo(401);
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(f.agency()).create();
        HttpResponse<String> notAssessor = put(tokens.create(admin.username(), "x"), id, body(f.agency(), f.year(), "IN_PERSON", a));
        assertThat(notAssessor.statusCode()).isEqualTo(403);

        // an answer off the scale: 422 naming the question; a missing one too
        Map<String, String> bad = new LinkedHashMap<>(a);
        String firstKey = bad.keySet().iterator().next();
        bad.put(firstKey, "99");
        HttpResponse<String> invalid = put(f.token(), id, body(f.agency(), f.year(), "IN_PERSON", bad));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(code(invalid)).isEqualTo("field-answers-invalid");
        assertThat(JSON.readTree(invalid.body()).path("problems").get(0).path("field").asString()).isEqualTo(firstKey);
        // shape: bad identifier, bad mode, not JSON, too long
        assertThat(code(put(f.token(), "not-a-uuid", body(f.agency(), f.year(), "IN_PERSON", a)))).isEqualTo("field-request-invalid");
        HttpResponse<String> mode = put(f.token(), id, body(f.agency(), f.year(), "CARRIER_PIGEON", a));
        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(mode.body()).path("detail").asString()).startsWith("mode:");
        assertThat(put(f.token(), id, "{\"agency\":").statusCode()).isEqualTo(400);
        HttpResponse<String> huge = put(f.token(), id, "{\"agency\":\"" + "A".repeat(70_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(stored(f.agency())).isZero();
        assertThat(jdbc.sql("select count(*) from field_response where id = ?::uuid").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void theCentralAdministratorSeesEachAssessorsCollectionByModeAndNobodyElseDoes() throws Exception {
        Field f = field();
        Person second = fixtures.person(Role.ASSESSOR).named("ผู้ประเมินคนที่สอง").seeing(f.agency().code(), f.other().code()).create();
        String secondToken = tokens.create(second.username(), "อุปกรณ์");
        Map<String, String> a = answers(f.year(), -1);
        for (String mode : List.of("TELEPHONE", "TELEPHONE", "IN_PERSON")) {
            assertThat(put(f.token(), UUID.randomUUID().toString(), body(f.agency(), f.year(), mode, a)).statusCode()).isEqualTo(201);
        }
        assertThat(put(secondToken, UUID.randomUUID().toString(), body(f.agency(), f.year(), "VIDEO", a)).statusCode()).isEqualTo(201);
        assertThat(put(secondToken, UUID.randomUUID().toString(), body(f.other(), f.year(), "VIDEO", a)).statusCode()).isEqualTo(201);

        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/surveys/field")
                        .param("year", Integer.toString(f.year().year().buddhistEra())).with(central.signedIn()))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String first = row(page, f.assessor().username());
        assertThat(cell(first, "answers")).isEqualTo("3");
        assertThat(cell(first, "telephone")).isEqualTo("2");
        assertThat(cell(first, "in-person")).isEqualTo("1");
        assertThat(cell(first, "busiest")).endsWith("3 ชุด");
        String other = row(page, second.username());
        assertThat(cell(other, "video")).isEqualTo("2");
        assertThat(cell(other, "agencies")).isEqualTo("2");
        assertThat(other).contains("ผู้ประเมินคนที่สอง");

        for (Role role : List.of(Role.AGENCY_ADMIN, Role.AGENCY_STAFF, Role.ASSESSOR, Role.VIEWER)) {
            Person p = fixtures.person(role).of(f.agency()).create();
            int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/surveys/field").with(p.signedIn()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(role.name()).isEqualTo(403);
        }
    }

    /** The table row of one assessor on the page. */
    private static String row(String page, String username) {
        int at = page.indexOf("data-assessor=\"" + username + "\"");
        assertThat(at).as("a row for " + username).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static String cell(String row, String testId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-testid=\"" + testId + "\"[^>]*>([^<]*)<").matcher(row);
        assertThat(m.find()).as(testId).isTrue();
        return m.group(1).strip();
    }
}
