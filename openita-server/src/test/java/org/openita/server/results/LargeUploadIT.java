package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyType;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads through the real servlet container: a results file well above the container's default 1 MB
 * limit is taken, one above 50 MB is refused with a 413 page (or problem detail on the API) and nothing saved.
 */
class LargeUploadIT extends ServerTestSupport {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private String session;

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .ifPresent(c -> session = c.substring(8, c.indexOf(';')));
        return r;
    }

    private String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).body());
        assertThat(m.find()).as("CSRF token on " + path).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        String token = csrf("/results/import");
        String boundary = "----openita" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/results/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Results stored for the test's own agency. */
    private long storedFor(String code) {
        return jdbc.sql("select count(*) from agency_result where agency_code = ?").param(code).query(Long.class).single();
    }

    /** A results file of this many bytes: a header and one 2567 row for the agency, then empty lines. */
    private static byte[] padded(String code, int size) {
        byte[] file = new byte[size];
        java.util.Arrays.fill(file, (byte) '\n');
        byte[] head = ("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + code + ",2567,70\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, file, 0, head.length);
        return file;
    }

    @Test
    void largeFilesThroughTheContainer() throws Exception {
        String code = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).named("เทศบาลตำบลไฟล์ใหญ่").create().code().value();
        Person central = fixtures.person(Role.CENTRAL_ADMIN).named("ผู้ดูแลไฟล์ใหญ่").create();
        String login = csrf("/login");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + central.username() + "&password=" + central.password() + "&_csrf=" + login)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");

        // 2 MB: one row and a great many empty lines, above the container's default limit of 1 MB
        byte[] two = ("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + code + ",2568,88.5\n" + "\n".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> taken = upload("big.csv", two);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(302);
        String job = taken.headers().firstValue("Location").orElseThrow();
        assertThat(job).contains("/imports/");
        String done = "";
        for (int i = 0; i < 200 && !done.contains("data-testid=\"results-report\""); i++) {
            Thread.sleep(50);
            done = send(HttpRequest.newBuilder(URI.create(job.startsWith("http") ? job : "http://localhost:" + port + job))).body();
        }
        assertThat(done).contains("บันทึกผลการประเมิน 1 รายการ");

        long before = storedFor(code);
        // each refused file starts with a readable row of another year for the agency: had it been read, it would show in the count
        byte[] huge = padded(code, 51 * 1024 * 1024);
        HttpResponse<String> refused = upload("huge.csv", huge);
        assertThat(refused.statusCode()).isEqualTo(303);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + refused.headers().firstValue("Location").orElseThrow())));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("ไฟล์ใหญ่เกิน 50 MB", "data-testid=\"current-user\""); // still signed in

        // a file just over 50 MB inside a request under the request limit: the container refuses it only while
        // reading the parts, and the person still gets our page, not the container's
        byte[] justOver = padded(code, 50 * 1024 * 1024 + 4096);
        HttpResponse<String> over = upload("over.csv", justOver);
        assertThat(over.statusCode()).as(over.body()).isEqualTo(303);
        assertThat(over.headers().firstValue("Location")).get().asString().endsWith("/upload-too-large");

        String token = tokens.create(central.username(), "big");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/results"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.body()).contains("\"code\":\"file-too-large\"");
        assertThat(storedFor(code)).isEqualTo(before);
        assertThat(List.of(two.length)).allMatch(n -> n > 1024 * 1024);
    }
}
