package org.openita.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Control characters are refused at the door with a readable 400, on pages and in the API, before anything is stored. */
class RefusedInputIT extends ServerTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aFormFieldWithANulCharacterGetsTheErrorPageNamingTheField() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin%00x&password=whatever")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("ช่อง &quot;username&quot; มีอักขระควบคุม U+0000", "control-character").doesNotContain("Exception");

        HttpResponse<String> en = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?lang=en&q=%07"))
                .header("Accept", "text/html"));
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(en.body()).contains("Field &quot;q&quot; holds the control character U+0007");
    }

    @Test
    void aJsonStringWithANulCharacterIsAProblemDetailNamingTheField() throws Exception {
        registry.importFile("test", "nul.csv", new java.io.ByteArrayInputStream("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\nNUL-1,อบต.ทดสอบอักขระ,อบต.\n"
                .getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", "nul-admin", "ผู้ดูแล", Role.AGENCY_ADMIN, "irrelevant-pass-2569", "NUL-1", List.of());
        String token = tokens.create("nul-admin", "nul");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/agencies/NUL-1/measures/2568"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"มาตรการ\\u0000ทดสอบ\",\"dueOn\":\"2027-06-30\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"control-character\"", "U+0000", "title").doesNotContainIgnoringCase("sql");
    }
}
