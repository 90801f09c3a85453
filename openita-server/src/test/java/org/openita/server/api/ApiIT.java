package org.openita.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API over real HTTP with personal tokens: the same rules as the pages, errors as problem details. */
class ApiIT extends ServerTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    /** This test's own agency with an administrator and staff, another agency with its administrator, and a token for each person. */
    private record Tenant(String code, String otherCode, String admin, String adminToken, String staffToken, String otherToken) {
    }

    private Tenant tenant() {
        Agency mine = fixtures.agency().named("องค์การบริหารส่วนตำบลเอพีไอ").create();
        Agency other = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).create();
        String admin = fixtures.person(Role.AGENCY_ADMIN).of(mine).create().username();
        String staff = fixtures.person(Role.AGENCY_STAFF).of(mine).create().username();
        String otherAdmin = fixtures.person(Role.AGENCY_ADMIN).of(other).create().username();
        return new Tenant(mine.code().value(), other.code().value(), admin, tokens.create(admin, "ระบบทดสอบ"), tokens.create(staff, "staff"),
                tokens.create(otherAdmin, "other"));
    }

    private HttpResponse<String> call(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.path("code").asString()).isEqualTo(code);
        assertThat(p.path("type").asString()).isEqualTo("https://openita.org/problems/" + code);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detailTh").asString()).isNotBlank();
    }

    @Test
    void importReadPlanAndReportThroughTheApi() throws Exception {
        Tenant t = tenant();
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 6\n" + t.code() + ",2568,86.4,88,81\n";
        HttpResponse<String> imported = call("POST", "/api/v1/agencies/" + t.code() + "/results", t.adminToken(), "text/csv", csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).path("saved").asInt()).isEqualTo(1);

        HttpResponse<String> result = call("GET", "/api/v1/agencies/" + t.code() + "/results/2568", t.adminToken(), null, null);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(json(result).path("publishedOverall").decimalValue()).isEqualByComparingTo("86.40");
        assertThat(json(result).path("indicators").path("6").decimalValue()).isEqualByComparingTo("81");
        assertTheScoreOutputContract(json(result));
        assertThat(json(result).path("source").path("kind").asString()).as("an imported result").isEqualTo("official");
        // the definition version the figures were scored under: the year's active one, as the framework module stores it
        JsonNode definition = json(result).path("definitionVersion");
        var active = jdbc.sql("select version, sha256 from framework_definition where fiscal_year = 2568 and active")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(definition.path("fiscalYear").asInt()).isEqualTo(2568);
        assertThat(definition.path("version").asString()).isEqualTo(active.get(0));
        assertThat(definition.path("sha256").asString()).isEqualTo(active.get(1)).hasSize(64);
        assertThat(definition.has("activatedAt")).isTrue();
        assertThat(json(result).path("agencyCode").asString()).isEqualTo(t.code());
        assertThat(json(call("GET", "/api/v1/agencies/" + t.code() + "/results", t.staffToken(), null, null)).path("years").get(0).asInt()).isEqualTo(2568);

        // a rejected import: every problem with its row and column, nothing saved
        long before = jdbc.sql("select count(*) from agency_result where agency_code in (?, ?)").params(t.code(), t.otherCode()).query(Long.class).single();
        HttpResponse<String> bad = call("POST", "/api/v1/results", t.adminToken(), "text/csv",
                "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + t.code() + ",2568,101\n" + t.otherCode() + ",2568,80\n");
        assertProblem(bad, 422, "import-rejected");
        assertThat(json(bad).path("problems")).hasSize(2);
        assertThat(json(bad).path("problems").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(json(bad).path("problems").get(0).path("column").asString()).isEqualTo("คะแนนรวม");
        assertThat(json(bad).path("problems").get(1).path("en").asString()).contains("not for your agency").doesNotContain(t.otherCode());
        assertThat(jdbc.sql("select count(*) from agency_result where agency_code in (?, ?)").params(t.code(), t.otherCode()).query(Long.class).single()).isEqualTo(before);
        assertProblem(call("POST", "/api/v1/results", t.adminToken(), "application/json", "[{\"year\""), 422, "unreadable-file");
        assertProblem(call("POST", "/api/v1/results", t.adminToken(), "text/plain", "x"), 415, "unsupported-media-type");

        // measures
        HttpResponse<String> created = call("POST", "/api/v1/agencies/" + t.code() + "/measures/2568", t.adminToken(), "application/json",
                "{\"title\":\"มาตรการเปิดเผยข้อมูลบนเว็บไซต์\",\"steps\":[\"ตรวจรายการข้อมูล\",\"เผยแพร่\"],\"unit\":\"สำนักปลัด\","
                        + "\"dueOn\":\"2027-06-30\",\"oitItems\":[\"o1\"],\"milestones\":[{\"label\":\"รายงานความก้าวหน้า\",\"dueOn\":\"2027-03-31\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        assertThat(created.headers().firstValue("Location")).get().asString().endsWith("/api/v1/agencies/" + t.code() + "/measures/2568/" + id);
        int version = json(created).path("version").asInt();
        HttpResponse<String> invalid = call("POST", "/api/v1/agencies/" + t.code() + "/measures/2568", t.adminToken(), "application/json",
                "{\"title\":\"\",\"dueOn\":\"2027-02-30\"}");
        assertProblem(invalid, 422, "validation-failed");
        assertThat(json(invalid).path("problems").findValuesAsString("field")).contains("title", "dueOn");
        assertProblem(call("POST", "/api/v1/agencies/" + t.code() + "/measures/2568", t.adminToken(), "application/json", "{\"title\":"), 400, "malformed-body");

        HttpResponse<String> updated = call("PUT", "/api/v1/agencies/" + t.code() + "/measures/2568/" + id, t.adminToken(), "application/json",
                "{\"title\":\"มาตรการเปิดเผยข้อมูลสาธารณะ\",\"dueOn\":\"2027-06-30\",\"version\":" + version + "}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertProblem(call("PUT", "/api/v1/agencies/" + t.code() + "/measures/2568/" + id, t.adminToken(), "application/json",
                "{\"title\":\"ทับ\",\"version\":" + version + "}"), 409, "version-conflict");
        HttpResponse<String> progress = call("POST", "/api/v1/agencies/" + t.code() + "/measures/2568/" + id + "/progress", t.adminToken(), "application/json",
                "{\"status\":\"IN_PROGRESS\",\"note\":\"เริ่มแล้ว\",\"evidence\":[\"https://example.go.th/oit\"]}");
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(201);
        assertThat(json(progress).path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(call("POST", "/api/v1/agencies/" + t.code() + "/measures/2568/confirm", t.adminToken(), null, null).statusCode()).isEqualTo(200);
        JsonNode plan = json(call("GET", "/api/v1/agencies/" + t.code() + "/measures/2568", t.staffToken(), null, null));
        assertThat(plan.path("confirmedAt").isNull()).isFalse();
        assertThat(plan.path("measures").get(0).path("progress").get(0).path("evidence").get(0).asString()).isEqualTo("https://example.go.th/oit");

        HttpResponse<String> pdf = call("GET", "/api/v1/agencies/" + t.code() + "/reports/2568/follow-up.pdf", t.adminToken(), null, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(call("GET", "/api/v1/agencies/" + t.code() + "/reports/2568/analysis.docx", t.staffToken(), null, null).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/agencies/" + t.code() + "/measures/2568/" + id, t.adminToken(), null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void theSameRulesAsThePages() throws Exception {
        Tenant t = tenant();
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/results", null, null, null), 401, "unauthenticated");
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/results", "oita_not-a-real-token", null, null), 401, "unauthenticated");
        assertThat(call("GET", "/api/v1/agencies/" + t.code() + "/results", null, null, null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/results", t.otherToken(), null, null), 404, "not-found");
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/measures/2568", t.otherToken(), null, null), 404, "not-found");
        assertProblem(call("POST", "/api/v1/agencies/" + t.code() + "/measures/2568", t.staffToken(), "application/json", "{\"title\":\"x\"}"), 403, "forbidden");
        assertProblem(call("POST", "/api/v1/agencies/" + t.code() + "/results", t.staffToken(), "text/csv", "รหัสหน่วยงาน,ปีงบประมาณ\n"), 403, "forbidden");
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/results/abc", t.adminToken(), null, null), 400, "bad-parameter");
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/results/99999", t.adminToken(), null, null), 400, "bad-parameter");
        // an agency code that is not one names no agency: not found, as for one that does not exist (never a 500)
        for (String code : List.of("not%20a%20code", "%E0%B8%81", "A".repeat(31), t.code() + "!")) {
            assertProblem(call("GET", "/api/v1/agencies/" + code + "/results", t.adminToken(), null, null), 404, "not-found");
            assertProblem(call("GET", "/api/v1/agencies/" + code + "/results/2568", t.adminToken(), null, null), 404, "not-found");
            assertProblem(call("GET", "/api/v1/agencies/" + code + "/measures/2568", t.adminToken(), null, null), 404, "not-found");
            assertProblem(call("GET", "/api/v1/agencies/" + code + "/reports/2568/analysis.pdf", t.adminToken(), null, null), 404, "not-found");
            assertProblem(call("POST", "/api/v1/agencies/" + code + "/results", t.adminToken(), "text/csv", "รหัสหน่วยงาน,ปีงบประมาณ\n"), 404,
                    "not-found");
        }
        // a revoked token stops working at once
        String temporary = tokens.create(t.admin(), "temporary");
        assertThat(call("GET", "/api/v1/agencies/" + t.code() + "/results", temporary, null, null).statusCode()).isEqualTo(200);
        long tokenId = tokens.list(t.admin()).stream().filter(k -> k.label().equals("temporary")).findFirst().orElseThrow().id();
        tokens.revoke(t.admin(), tokenId);
        assertProblem(call("GET", "/api/v1/agencies/" + t.code() + "/results", temporary, null, null), 401, "unauthenticated");
        // the API never starts a session
        assertThat(call("GET", "/api/v1/agencies/" + t.code() + "/results", t.adminToken(), null, null).headers().firstValue("Set-Cookie")).isEmpty();
    }

    /**
     * The answer holds every field docs/schemas/score-output.schema.json requires, only fields it declares (besides the
     * API's agencyCode, source and definitionVersion), and each of the type the schema gives it.
     */
    private static void assertTheScoreOutputContract(JsonNode answer) throws Exception {
        JsonNode schema = JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "schemas", "score-output.schema.json")));
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            assertThat(answer.has(required.asString())).as("required field " + required.asString()).isTrue();
        }
        for (String field : answer.propertyNames()) {
            // the API's own fields: whose, where it came from (official or computed from surveys), which definition
            if (field.equals("agencyCode") || field.equals("source") || field.equals("definitionVersion")) {
                continue;
            }
            assertThat(properties.has(field)).as("field " + field + " is in the schema").isTrue();
            assertThat(matches(schema, properties.path(field), answer.path(field))).as("field " + field + " has the schema's type").isTrue();
        }
        for (JsonNode check : answer.path("checks")) {
            for (JsonNode required : properties.path("checks").path("items").path("required")) {
                assertThat(check.has(required.asString())).as("check field " + required.asString()).isTrue();
            }
        }
    }

    /** Whether a value has the type a schema property gives (through $ref, type or enum), enough for this contract. */
    private static boolean matches(JsonNode schema, JsonNode property, JsonNode value) {
        if (property.has("$ref")) {
            return matches(schema, schema.at(property.path("$ref").asString().substring(1)), value);
        }
        if (property.has("enum")) {
            for (JsonNode allowed : property.path("enum")) {
                if (allowed.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        List<String> types = new java.util.ArrayList<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> types.add(t.asString()));
        } else {
            types.add(property.path("type").asString());
        }
        return types.stream().anyMatch(t -> switch (t) {
            case "null" -> value.isNull();
            case "string" -> value.isString();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        });
    }

    @Test
    void theApiIsDescribedAtApiDocs() throws Exception {
        HttpResponse<String> docs = call("GET", "/api/docs", null, null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode d = json(docs);
        assertThat(d.path("openapi").asString()).startsWith("3.");
        assertThat(d.path("paths").has("/api/v1/results")).isTrue();
        assertThat(d.path("paths").has("/api/v1/agencies/{code}/measures/{year}/{id}/progress")).isTrue();
        assertThat(d.path("components").path("securitySchemes").path("token").path("scheme").asString()).isEqualTo("bearer");
        JsonNode put = d.path("paths").path("/api/v1/agencies/{code}/measures/{year}/{id}").path("put").path("responses");
        assertThat(put.path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(d.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
        // a result is described as what it is: the score output's fields at the top, with the agency and the definition version
        JsonNode answer = d.path("components").path("schemas").path("AgencyResultAnswer").path("properties");
        assertThat(answer.has("agencyCode")).as(answer.toString()).isTrue();
        assertThat(answer.has("definitionVersion")).isTrue();
        assertThat(answer.has("overall")).isTrue();
        assertThat(answer.has("checks")).isTrue();
        assertThat(answer.has("score")).as("the score output is unwrapped, not nested").isFalse();
        assertThat(d.path("paths").properties().stream().map(java.util.Map.Entry::getKey)).allMatch(p -> p.startsWith("/api/v1/"));
        HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs/ui")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
