package org.openita.server.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page and health endpoint over real HTTP, on the embedded PostgreSQL. */
class HomePageIT extends ServerTestSupport {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void showsTheDemoAgencyScoredByTheEngineInThai() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Language")).hasValue("th");
        assertThat(r.body())
                .contains("ผลการประเมินปีงบประมาณ พ.ศ. 2568")
                .contains("องค์การบริหารส่วนตำบลสมเด็จ อำเภอสมเด็จ จังหวัดกาฬสินธุ์")
                // the announced overall and level are the result, labelled as announced
                .contains("data-testid=\"overall\">99.17<")
                .contains("data-testid=\"level\">ผ่านดี<")
                .contains("data-testid=\"level-source\">ประกาศโดยสำนักงาน ป.ป.ช.<")
                .doesNotContain("ยังตัดสินไม่ได้", "six-point", "frequency-six", "agree-six")
                .contains("EIT ส่วนที่ 1")
                .contains("ข้อมูลเบื้องต้น", "href=\"#fw-2568\"")
                .contains(">การปฏิบัติหน้าที่<", ">99.89<", ">96.67<")
                .contains("data-code=\"IIT\"", ">99.98<", ">97.45<");
        for (int year = 2563; year <= 2568; year++) {
            assertThat(r.body()).contains("<td>" + year + "</td>");
        }
        // each year described from its definition: 2568 has IIT 5 indicators, 15 questions; EIT in 2 parts; OIT items
        String row = r.body().substring(r.body().indexOf("id=\"fw-2568\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data-tool=\"IIT\"", "5 ตัวชี้วัด", "15 ข้อคำถาม", "data-tool=\"EIT\"", "คิดคะแนนแยก 2 ส่วน",
                "data-tool=\"OIT\"", "26 ข้อ").doesNotContain("15 / 9");
    }

    @Test
    void switchesToEnglish() throws Exception {
        HttpResponse<String> r = get("/?lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Demo agency: results for fiscal year B.E. 2568", "Good pass", "Announced by the NACC",
                "Performance of duty").doesNotContain("Undetermined");
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> r = get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void sendsSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void everythingNotExplicitlyPublicIsRefused() throws Exception {
        for (String path : new String[] {"/actuator/env", "/admin", "/account/password"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).get().asString().endsWith("/login");
        }
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheBundledThaiFont() throws Exception {
        HttpResponse<String> r = get("/fonts/sarabun/Sarabun_400Regular.ttf");
        assertThat(r.statusCode()).isEqualTo(200);
    }
}
