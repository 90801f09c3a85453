package org.openita.server.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV files as Thai Excel saves them (Windows-874, written here with Java's {@code x-windows-874} encoder) through the
 * real registry and results imports on the embedded PostgreSQL: Thai agency names arrive intact (results match them
 * by exact name), and the page and the API say the file was read as Windows-874. A file in neither encoding is
 * refused in Thai and English, pointing to the Excel template, with nothing stored.
 */
class Windows874CsvIT extends ServerTestSupport {

    static final Charset CP874 = Charset.forName("x-windows-874");
    static final RequestPostProcessor CENTRAL = user("w874-central").roles("CENTRAL_ADMIN");
    static final String REGISTRY = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,จังหวัด,อำเภอ\r\n"
            + "W874-01,องค์การบริหารส่วนตำบลหนองกุงศรี,อบต.,กาฬสินธุ์,หนองกุงศรี\r\n"
            + "W874-02,\"เทศบาลตำบลน้ำอ้อม, ศรีเนตร\",เทศบาลตำบล,ร้อยเอ็ด,เกษตรวิสัย\r\n";
    static String token;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void anApiToken() {
        if (token == null) {
            accounts.create("test", "w874-central", "ผู้ดูแลส่วนกลาง", Role.CENTRAL_ADMIN, "irrelevant-pass-2569", false);
            token = tokens.create("w874-central", "w874");
        }
    }

    private String importRegistry(String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/agencies/import").file(new MockMultipartFile("file", fileName, "text/csv", bytes))
                        .param("mode", "ALL_OR_NOTHING").with(CENTRAL).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postResults(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/results"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long stored(String table, String codeColumn) {
        return jdbc.sql("select count(*) from " + table + " where " + codeColumn + " like 'W874-%'").query(Long.class).single();
    }

    @Test
    void aRegistryAndResultsSavedByThaiExcelAreImportedWithTheirThaiIntactAndTheEncodingSaid() throws Exception {
        String page = importRegistry("ทะเบียน.csv", REGISTRY.getBytes(CP874));
        assertThat(page).contains("data-testid=\"import-encoding\"").contains("Windows-874 (TIS-620)")
                .contains("เพิ่มหน่วยงานใหม่ 2 แห่ง");
        assertThat(registry.find(AgencyCode.of("W874-01"))).get().satisfies(a -> {
            assertThat(a.nameTh()).isEqualTo("องค์การบริหารส่วนตำบลหนองกุงศรี");
            assertThat(a.province()).isEqualTo("กาฬสินธุ์");
        });
        assertThat(registry.find(AgencyCode.of("W874-02"))).get().satisfies(a -> assertThat(a.nameTh()).isEqualTo("เทศบาลตำบลน้ำอ้อม, ศรีเนตร"));

        // results matched by exact Thai name, through the API: the answer says windows-874
        String results = "ชื่อหน่วยงาน,ปีงบประมาณ,คะแนนรวม\r\nองค์การบริหารส่วนตำบลหนองกุงศรี,2568,91.25\r\n\"เทศบาลตำบลน้ำอ้อม, ศรีเนตร\",๒๕๖๘,๘๗.๕๐\r\n";
        HttpResponse<String> api = postResults(results.getBytes(CP874));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode answer = JsonMapper.builder().build().readTree(api.body());
        assertThat(answer.path("saved").asInt()).isEqualTo(2);
        assertThat(answer.path("encoding").asString()).isEqualTo("windows-874");
        assertThat(jdbc.sql("select cast(input as text) from agency_result where agency_code = 'W874-02' and fiscal_year = 2568")
                .query(String.class).single()).contains("๘๗.๕๐");

        // the same through the web page, in English: the finished job says which encoding it read
        String job = mvc.perform(multipart("/results/import").file(new MockMultipartFile("file", "ผล.csv", "text/csv",
                        "รหัสหน่วยงาน,ชื่อหน่วยงาน,ปีงบประมาณ,คะแนนรวม\r\nW874-01,องค์การบริหารส่วนตำบลหนองกุงศรี,2567,88.00\r\n".getBytes(CP874)))
                        .with(CENTRAL).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String done = null;
        for (int i = 0; i < 200 && done == null; i++) {
            String p = mvc.perform(get(job).param("lang", "en").with(CENTRAL)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            done = p.contains("data-testid=\"results-report\"") ? p : null;
            Thread.sleep(50);
        }
        assertThat(done).isNotNull().contains("read as Windows-874 (TIS-620) text").contains("data-testid=\"import-encoding\"");
        assertThat(stored("agency_result", "agency_code")).isEqualTo(3);

        // a UTF-8 file says UTF-8
        HttpResponse<String> utf8 = postResults("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\nW874-01,2566,80\n".getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(200);
        assertThat(utf8.body()).contains("\"encoding\":\"UTF-8\"");
    }

    @Test
    void aFileInNeitherEncodingIsRefusedInThaiAndEnglishPointingToTheExcelTemplateWithNothingStored() throws Exception {
        byte[] good = REGISTRY.replace("W874-0", "W874-9").getBytes(CP874);
        byte[] bad = concat(Arrays.copyOf(good, 120), new byte[] {(byte) 0xFC}, Arrays.copyOfRange(good, 120, good.length));
        long agencies = stored("agency", "code");
        String page = importRegistry("ทะเบียน.csv", bad);
        assertThat(page).contains("data-testid=\"file-error\"").contains("แบบฟอร์ม Excel (.xlsx)").contains("ไบต์ที่ 121 (0xFC)")
                .doesNotContain("data-testid=\"import-report\"");
        String english = mvc.perform(multipart("/agencies/import").file(new MockMultipartFile("file", "r.csv", "text/csv", bad))
                        .param("lang", "en").with(CENTRAL).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("neither UTF-8 nor Windows-874").contains("Excel template (.xlsx)");
        assertThat(stored("agency", "code")).isEqualTo(agencies);
        assertThat(registry.find(AgencyCode.of("W874-91"))).isEmpty();

        long results = stored("agency_result", "agency_code");
        byte[] unicodeText = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "รหัสหน่วยงาน\tปีงบประมาณ\tคะแนนรวม\r\nW874-01\t2565\t70\r\n".getBytes(StandardCharsets.UTF_16LE), new byte[0]);
        HttpResponse<String> api = postResults(unicodeText);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
        JsonNode problem = JsonMapper.builder().build().readTree(api.body());
        assertThat(problem.path("code").asString()).isEqualTo("unreadable-file");
        assertThat(problem.path("detail").asString()).contains("neither UTF-8 nor Windows-874").contains("Excel template");
        assertThat(problem.path("detailTh").asString()).contains("แบบฟอร์ม Excel");
        assertThat(stored("agency_result", "agency_code")).isEqualTo(results);
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
