package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.ToolCode;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.Agency;
import org.openita.server.cycle.Phase;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The field questionnaire's server side: the page and its static parts, the device token (assessors only, with the
 * session and its CSRF token) and the package a device keeps: the running year, the assessor's own agencies (code and
 * name, nothing of any contact) and the year's EIT part 2 questions.
 */
class FieldPackageIT extends ServerTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiTokens tokens;

    FiscalYear year;
    FrameworkDefinition definition;
    Agency first;
    Agency second;
    Agency other;
    Fixtures.Person assessor;

    @BeforeEach
    void yearAndAssessor() {
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.SURVEY_COLLECTION);
        calendar.create();
        year = calendar.year();
        clock.setToday(calendar.day());
        definition = fixtures.activeFramework(year, 2569);
        first = fixtures.agency().named("เทศบาลตำบลเก็บข้อมูลภาคสนามหนึ่ง").create();
        second = fixtures.agency().named("องค์การบริหารส่วนตำบลเก็บข้อมูลภาคสนามสอง").create();
        other = fixtures.agency().named("หน่วยงานที่ไม่ได้มอบหมาย").create();
        assessor = fixtures.person(Role.ASSESSOR).seeing(first.code(), second.code()).create();
    }

    MockHttpServletResponse call(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void anAssessorsDeviceGetsItsOwnTokenWithTheSessionAndItsCsrfToken() throws Exception {
        assertThat(call(post("/field/device").with(assessor.signedIn())).getStatus()).as("no CSRF token").isEqualTo(403);
        assertThat(call(post("/field/device").with(csrf())).getStatus()).as("not signed in").isEqualTo(302);
        var admin = fixtures.person(Role.AGENCY_ADMIN).of(first).create();
        assertThat(call(post("/field/device").with(admin.signedIn()).with(csrf())).getStatus()).as("not an assessor").isEqualTo(403);
        assertThat(tokens.list(admin.username())).isEmpty();

        MockHttpServletResponse res = call(post("/field/device").with(assessor.signedIn()).with(csrf()));
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getHeader("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(res.getContentAsString());
        assertThat(body.get("token").asString()).startsWith(ApiTokens.PREFIX);
        assertThat(tokens.list(assessor.username())).singleElement()
                .satisfies(t -> assertThat(t.label()).startsWith("อุปกรณ์เก็บข้อมูล EIT ส่วนที่ 2 ").isEqualTo(body.get("label").asString()));
        assertThat(fixtures.audits("API_TOKEN_CREATED", "token:" + tokens.list(assessor.username()).get(0).id())).isEqualTo(1);
    }

    @Test
    void thePackageHoldsTheYearTheAssessorsAgenciesAndThePart2QuestionsOnly() throws Exception {
        String token = tokens.create(assessor.username(), "test device");
        MockHttpServletResponse res = call(get("/api/v1/field/package").header("Authorization", "Bearer " + token));
        assertThat(res.getStatus()).isEqualTo(200);
        JsonNode p = JSON.readTree(res.getContentAsString());
        assertThat(p.get("year").asInt()).isEqualTo(year.buddhistEra());
        assertThat(p.get("open").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(p.get("agencies").spliterator(), false).map(a -> a.get("code").asString()))
                .containsExactlyInAnyOrder(first.code().value(), second.code().value());
        JsonNode a = p.get("agencies").get(0);
        assertThat(Set.copyOf(a.propertyNames())).as("code and name only: no contact goes to a device")
                .containsExactlyInAnyOrder("code", "nameTh", "nameEn");

        Questionnaire expected = Questionnaire.of(definition, ToolCode.EIT, "EIT_SURVEY");
        List<String> keys = StreamSupport.stream(p.get("questionnaire").spliterator(), false)
                .flatMap(g -> StreamSupport.stream(g.get("items").spliterator(), false))
                .flatMap(i -> StreamSupport.stream(i.get("fields").spliterator(), false)).map(f -> f.get("key").asString()).toList();
        assertThat(keys).isEqualTo(expected.fields().stream().map(Questionnaire.Field::answerKey).toList()).isNotEmpty();
        JsonNode item = p.get("questionnaire").get(0).get("items").get(0);
        var q = expected.items().get(0);
        assertThat(item.get("number").asInt()).isEqualTo(1);
        assertThat(item.get("text").get("th").asString()).isEqualTo(q.question().summary().th());
        assertThat(item.get("text").get("en").asString()).isEqualTo(q.question().summary().en());
        assertThat(StreamSupport.stream(item.get("options").spliterator(), false).map(o -> o.get("code").asString()).toList())
                .isEqualTo(q.scale().options().stream().map(o -> o.code()).toList());
    }

    @Test
    void onlyAnAssessorsTokenGetsAPackage() throws Exception {
        MockHttpServletResponse none = call(get("/api/v1/field/package"));
        assertThat(none.getStatus()).isEqualTo(401);
        var staff = fixtures.person(Role.AGENCY_ADMIN).of(first).create();
        MockHttpServletResponse res = call(get("/api/v1/field/package").header("Authorization", "Bearer " + tokens.create(staff.username(), "x")));
        assertThat(res.getStatus()).isEqualTo(403);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(res.getContentAsString());
        assertThat(body.get("code").asString()).isEqualTo("field-assessors-only");
        assertThat(body.get("detailTh").asString()).contains("ผู้ประเมิน");
        assertThat(res.getContentAsString()).doesNotContain(first.nameTh());
    }

    @Test
    void thePageIsAnAssessorsAndLoadsOnlyItsOwnFilesWithNoInlineScript() throws Exception {
        MockHttpServletResponse page = call(get("/field/app").with(assessor.signedIn()));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("<html lang=\"th\"").contains("href=\"/field/manifest.json\"")
                .contains("src=\"/field/app.js\"").contains("name=\"openita-csrf\"");
        assertThat(html.split("<script").length - 1).as("one script element, from a file").isEqualTo(1);
        assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(call(get("/field/app")).getStatus()).isEqualTo(302);
        var viewer = fixtures.person(Role.VIEWER).seeing(first.code()).create();
        assertThat(call(get("/field/app").with(viewer.signedIn())).getStatus()).isEqualTo(403);
    }

    @Test
    void theServiceWorkerManifestAndIconsAreServedAsWhatTheyAre() throws Exception {
        MockHttpServletResponse sw = call(get("/field/sw.js"));
        assertThat(sw.getStatus()).isEqualTo(200);
        assertThat(sw.getContentType()).contains("javascript");
        assertThat(sw.getContentAsString()).contains("'/field/app'");
        MockHttpServletResponse manifest = call(get("/field/manifest.json"));
        assertThat(manifest.getStatus()).isEqualTo(200);
        assertThat(manifest.getContentType()).startsWith("application/json");
        JsonNode m = JSON.readTree(manifest.getContentAsByteArray());
        assertThat(m.get("name").asString()).contains("เก็บข้อมูล EIT ส่วนที่ 2");
        assertThat(m.get("start_url").asString()).isEqualTo("/field/app");
        assertThat(m.get("scope").asString()).isEqualTo("/field/");
        for (JsonNode icon : m.get("icons")) {
            MockHttpServletResponse png = call(get(icon.get("src").asString()));
            assertThat(png.getStatus()).isEqualTo(200);
            assertThat(png.getContentType()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(icon.get("sizes").asString());
        }
    }
}
