package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.openita.server.results.internal.OfficialResultColumns;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.web.TempFolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile and careless results files through the real API: each is refused while it is read, with a short
 * message that names what and where, a 4xx answer, and nothing stored.
 */
class ImportBoundsIT extends ServerTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int AGENCIES = 1200;
    static String central;
    static String agencyAdmin;

    @LocalServerPort
    int port;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TempFolder temp;

    @BeforeEach
    void agenciesAndTokens() throws Exception {
        if (central != null) {
            return;
        }
        StringBuilder csv = new StringBuilder("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n");
        for (int i = 0; i < AGENCIES; i++) {
            csv.append(code(i)).append(",องค์การบริหารส่วนตำบลขอบเขต").append(i).append(",อบต.\n");
        }
        registry.importFile("test", "bounds.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.create("test", "bounds-central", "ผู้ดูแลส่วนกลาง", Role.CENTRAL_ADMIN, "irrelevant-pass-2569", false);
        accounts.createAssigned("test", "bounds-admin", "ผู้ดูแล", Role.AGENCY_ADMIN, "irrelevant-pass-2569", code(0), List.of());
        central = tokens.create("bounds-central", "bounds");
        agencyAdmin = tokens.create("bounds-admin", "bounds");
    }

    /** Codes that sort after every other test's, so the registry page (first 500 by code) still shows theirs. */
    static String code(int i) {
        return String.format("ZZB-%04d", i);
    }

    private HttpResponse<String> post(String path, String token, String type, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long stored() {
        return jdbc.sql("select count(*) from agency_result where agency_code like 'ZZB-%'").query(Long.class).single();
    }

    private static JsonNode problem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("code").asString()).isEqualTo(code);
        assertThat(p.path("detailTh").asString()).isNotBlank();
        assertThat(r.body()).doesNotContainIgnoringCase("sql").doesNotContain("ERROR:").doesNotContain("Exception");
        return p;
    }

    @Test
    void aWorkbookWhoseSharedStringsExpandPastTheirLimitIsRefusedBeforeAnyXmlIsParsed() throws Exception {
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("ผล").createRow(0);
            row.createCell(0).setCellValue("รหัสหน่วยงาน");
            row.createCell(1).setCellValue("ปีงบประมาณ");
            wb.write(out);
            workbook = out.toByteArray();
        }
        // 20 MB of shared strings that deflate about 30:1, under POI's own zip-bomb ratio, as in the report
        Random random = new Random(9);
        StringBuilder strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        while (strings.length() < 20 * 1024 * 1024) {
            strings.append("<si><t>").append(random.nextInt(1_000_000)).append(" องค์การบริหารส่วนตำบล ".repeat(8)).append("</t></si>");
        }
        byte[] bomb = replacePart(workbook, "xl/sharedStrings.xml", strings.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

        long before = stored();
        JsonNode p = problem(post("/api/v1/results", central, org.openita.server.web.MediaTypes.XLSX, bomb), 422, "unreadable-file");
        assertThat(p.path("detail").asString()).contains("xl/sharedStrings.xml", "16 MB");
        assertThat(p.path("detailTh").asString()).contains("xl/sharedStrings.xml");
        assertThat(stored()).isEqualTo(before);
    }

    static byte[] replacePart(byte[] zip, String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            boolean replaced = false;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    z.write(content);
                    replaced = true;
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
            if (!replaced) {
                z.putNextEntry(new ZipEntry(name));
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aSingleHugeLineIsRefusedWhileItIsReadAndTheAnswerStaysSmall() throws Exception {
        byte[] line = ("รหัสหน่วยงาน," + "x".repeat(2 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = stored();
        HttpResponse<String> r = post("/api/v1/results", central, "text/csv", line);
        JsonNode p = problem(r, 422, "unreadable-file");
        assertThat(p.path("detail").asString()).contains("row 1", "64 KB");
        assertThat(r.body().length()).isLessThan(2_000);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void problemsQuoteShortenedValuesSoAFinishedImportKeepsLittle() throws Exception {
        List<String> header = new ArrayList<>(List.of("รหัสหน่วยงาน", "ปีงบประมาณ", "คะแนนรวม"));
        for (int i = 0; i < 150; i++) {
            header.add("คอลัมน์ที่ไม่มีในแบบฟอร์ม" + i + "-" + "ก".repeat(100));
        }
        HttpResponse<String> r = post("/api/v1/results", central, "text/csv",
                (String.join(",", header) + "\n" + code(1) + ",2568,88\n").getBytes(StandardCharsets.UTF_8));
        JsonNode p = problem(r, 422, "import-rejected");
        assertThat(p.path("problems").size()).isEqualTo(150);
        for (JsonNode problem : p.path("problems")) {
            assertThat(problem.path("column").asString().length()).isLessThanOrEqualTo(61);
            assertThat(problem.path("en").asString().length()).isLessThanOrEqualTo(301);
            assertThat(problem.path("th").asString()).doesNotContain("ก".repeat(61));
        }
    }

    @Test
    void aControlCharacterInAnImportedValueIsARowProblemNotADatabaseError() throws Exception {
        long before = stored();
        String json = "[{\"agencyCode\":\"" + code(2) + "\",\"year\":\"2568\",\"overall\":\"88.5\",\"level\":\"ผ่าน\\u0000\"}]";
        JsonNode p = problem(post("/api/v1/results", central, "application/json", json.getBytes(StandardCharsets.UTF_8)), 422, "import-rejected");
        assertThat(p.path("problems").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(p.path("problems").get(0).path("column").asString()).isEqualTo(OfficialResultColumns.LEVEL);
        assertThat(p.path("problems").get(0).path("en").asString()).contains("U+0000");
        assertThat(stored()).isEqualTo(before);

        // the same in a CSV cell
        HttpResponse<String> csv = post("/api/v1/results", central, "text/csv",
                ("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + code(2) + ",2568,8\u00008\n").getBytes(StandardCharsets.UTF_8));
        assertThat(problem(csv, 422, "import-rejected").path("problems").get(0).path("en").asString()).contains("U+0000");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anotherAgencysRowIsRefusedWithoutNamingThatAgency() throws Exception {
        HttpResponse<String> r = post("/api/v1/results", agencyAdmin, "text/csv",
                ("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + code(7) + ",2568,88\n").getBytes(StandardCharsets.UTF_8));
        JsonNode p = problem(r, 422, "import-rejected");
        assertThat(p.path("problems").get(0).path("en").asString()).contains("not for your agency");
        assertThat(r.body()).doesNotContain(code(7));
    }

    @Test
    void importsOfTheSameAgenciesInOppositeOrderWaitForEachOtherInsteadOfDeadlocking() throws Exception {
        StringBuilder up = new StringBuilder("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n");
        StringBuilder down = new StringBuilder("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n");
        for (int i = 0; i < AGENCIES; i++) {
            up.append(code(i)).append(",2567,81.5\n");
            down.append(code(AGENCIES - 1 - i)).append(",2567,82.5\n");
        }
        for (int round = 0; round < 3; round++) {
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> quietly(up));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> quietly(down));
            for (HttpResponse<String> r : List.of(a.get(), b.get())) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).path("saved").asInt()).isEqualTo(AGENCIES);
            }
        }
        assertThat(jdbc.sql("select count(*) from agency_result where agency_code like 'ZZB-%' and fiscal_year = 2567")
                .query(Long.class).single()).isEqualTo(AGENCIES);
        // and the working copies of the uploads are gone from this process's temporary folder
        try (Stream<java.nio.file.Path> left = Files.list(temp.path())) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith("results-"))).isEmpty();
        }
    }

    private HttpResponse<String> quietly(StringBuilder csv) {
        try {
            return post("/api/v1/results", central, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
