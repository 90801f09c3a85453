package org.openita.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.web.MediaTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated bad results files, CSV, XLSX and JSON, each through the import queue ({@link ResultImports#run}) and
 * through the API (POST /api/v1/results with a central administrator's token): every one is refused with an
 * unreadable-file reason or a report of problems (a 4xx problem detail in the API), in Thai and English, without
 * leaking anything, nothing stored; and a file bad by construction is never accepted. See docs/security.md.
 */
class ResultImportHostileIT extends HostileTestSupport {

    static final String TEST = "ResultImportHostileIT";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CODE = "รหัสหน่วยงาน";
    static final String NAME = "ชื่อหน่วยงาน";
    static final String YEAR = "ปีงบประมาณ";
    static final int AGENCIES = 5;
    static String token;


    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static String code(int i) {
        return String.format("HOST-R%02d", i);
    }

    static String name(int i) {
        return "องค์การบริหารส่วนตำบลทดสอบข้อมูลเสีย" + i;
    }

    /** A valid results table for the fuzz agencies: every fixed column that 2568 takes, a question and an OIT item. */
    static Table template() {
        List<String> header = new ArrayList<>(List.of(CODE, NAME, YEAR, "คะแนนรวม", "ระดับผลการประเมิน"));
        for (int i = 1; i <= 10; i++) {
            header.add("ตัวชี้วัดที่ " + i);
        }
        header.add("i1");
        header.add("o1");
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            List<String> row = new ArrayList<>(List.of(code(a), name(a), "2568", (90 + a) + ".5", "ผ่านดี"));
            for (int i = 1; i <= 10; i++) {
                row.add(Integer.toString(80 + i + a));
            }
            row.add("9" + a + ".25");
            row.add(a % 2 == 0 ? "100" : "0");
            rows.add(row);
        }
        return new Table(header, rows, Set.of(YEAR), 500);
    }

    /** The same results as the JSON of openita score. */
    static List<Map<String, Object>> jsonTemplate() {
        List<Map<String, Object>> out = new ArrayList<>();
        Table t = template();
        for (List<String> row : t.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agencyCode", row.get(0));
            m.put("agency", new LinkedHashMap<>(Map.of("name", row.get(1))));
            m.put("year", 2568);
            m.put("overall", Double.parseDouble(row.get(3)));
            m.put("level", row.get(4));
            Map<String, Object> indicators = new LinkedHashMap<>();
            for (int i = 1; i <= 10; i++) {
                indicators.put(Integer.toString(i), Double.parseDouble(row.get(4 + i)));
            }
            m.put("indicators", indicators);
            m.put("questions", new LinkedHashMap<>(Map.of("i1", new LinkedHashMap<>(Map.of("score", Double.parseDouble(row.get(15)))))));
            m.put("oit", new LinkedHashMap<>(Map.of("o1", new LinkedHashMap<>(Map.of("score", Integer.parseInt(row.get(16)))))));
            out.add(m);
        }
        return out;
    }

    @BeforeEach
    void agenciesTokenAndStoredResults() throws Exception {
        if (token != null) {
            return;
        }
        StringBuilder csv = new StringBuilder("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n");
        for (int i = 0; i < AGENCIES; i++) {
            csv.append(code(i)).append(',').append(name(i)).append(",อบต.\n");
        }
        registry.importFile("test", "hostile.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.create("test", "hostile-results", "ผู้ดูแลส่วนกลาง", Role.CENTRAL_ADMIN, "irrelevant-pass-2569", false);
        token = tokens.create("hostile-results", "hostile");
        Case clean = new CsvCases("results-csv", r -> template()).clean(0);
        OfficialResults.Report stored = imports.run("hostile-results", ResultFile.Format.CSV, new ByteArrayInputStream(clean.bytes()), c -> true);
        assertThat(stored.problems()).as("the template is valid").isEmpty();
    }

    private static boolean thai(String s) {
        return s != null && s.codePoints().anyMatch(c -> c >= 0x0E01 && c <= 0x0E5B);
    }

    private static boolean english(String s) {
        return s != null && s.codePoints().filter(c -> c < 0x80 && Character.isLetter(c)).count() >= 3;
    }

    /** Through the queue, as the pages and the API do. */
    private Run.Outcome queue(Case c, ResultFile.Format format) {
        OfficialResults.Report report;
        try {
            report = imports.run("hostile-results", format, new ByteArrayInputStream(c.bytes()), code -> true);
        } catch (ResultImports.FailedException e) {
            List<String> texts = List.of(e.th(), e.getMessage());
            if (!e.clientFault()) {
                return new Run.Outcome("failed:" + e.code(), texts, "the import failed as the server's fault: " + e.code() + " " + e.getMessage());
            }
            return new Run.Outcome("unreadable", texts, thai(e.th()) && english(e.getMessage()) ? null : "the reason is not given in Thai and English");
        } catch (UnreadableFileException e) {
            return new Run.Outcome("unreadable", List.of(e.th(), e.en()), thai(e.th()) && english(e.en()) ? null : "the reason is not given in Thai and English");
        } catch (Exception e) {
            return Run.Outcome.fault("escaped", "the queue threw " + e.getClass().getName() + ": " + e.getMessage());
        }
        if (report.ok()) {
            return new Run.Outcome("accepted", List.of(), null);
        }
        List<String> texts = new ArrayList<>();
        String fault = null;
        for (OfficialResults.Problem p : report.problems()) {
            texts.add(p.th());
            texts.add(p.en());
            texts.add(p.column());
            if (fault == null && (!thai(p.th()) || !english(p.en()))) {
                fault = "a problem is not given in Thai and English: " + p;
            }
        }
        return new Run.Outcome("problems", texts, fault);
    }

    /** Through the API, as a client program does. */
    private Run.Outcome api(Case c, String type) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/results"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", type).timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = r.statusCode();
        if (status == 200) {
            return new Run.Outcome("accepted", List.of(r.body()), null);
        }
        if (status >= 500 || status < 400) {
            return new Run.Outcome("http-" + status, List.of(r.body()), "the API answered " + status + ": " + Leaks.unescape(shorten(r.body())));
        }
        String fault = null;
        try {
            JsonNode p = JSON.readTree(r.body());
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json") || p.path("code").asString("").isBlank()
                    || !thai(p.path("detailTh").asString("")) || !english(p.path("detail").asString(""))) {
                fault = "the API's " + status + " is not a problem detail with a code and Thai and English text: " + shorten(r.body());
            }
        } catch (RuntimeException e) {
            fault = "the API's " + status + " is not JSON: " + shorten(r.body());
        }
        return new Run.Outcome("http-" + status, List.of(r.body()), fault);
    }

    static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** Both ways; they must agree on whether the file is accepted. */
    private Run.Outcome both(Case c, ResultFile.Format format, String type) throws Exception {
        Run.Outcome queued = queue(c, format);
        Run.Outcome api = api(c, type);
        List<String> texts = new ArrayList<>(queued.texts());
        texts.addAll(api.texts());
        String fault = queued.fault() != null ? queued.fault() : api.fault();
        if (fault == null && queued.accepted() != api.accepted()) {
            fault = "the queue " + (queued.accepted() ? "accepted" : "refused") + " it but the API " + (api.accepted() ? "accepted" : "refused") + " it";
        }
        return new Run.Outcome(queued.accepted() ? "accepted" : queued.kind() + "/" + api.kind(), texts, fault);
    }

    @Test
    void theTemplatesAreAcceptedInEveryWayTheyAreWritten() throws Exception {
        CsvCases csv = new CsvCases("results-csv", r -> template());
        XlsxCases xlsx = new XlsxCases("results-xlsx", r -> template());
        JsonCases json = new JsonCases("results-json", ResultImportHostileIT::jsonTemplate);
        for (int i = 0; i < 40; i++) {
            for (Case c : List.of(csv.clean(i), xlsx.clean(i), json.clean(i))) {
                ResultFile.Format f = ResultFile.Format.valueOf(c.description().substring(0, c.description().indexOf(' ')).toUpperCase());
                Run.Outcome o = queue(c, f);
                assertThat(o.kind()).as("%s: %s", c.description(), o.texts()).isEqualTo("accepted");
            }
        }
    }

    @Test
    void badCsvFilesAreRefusedCleanly() throws Exception {
        CsvCases gen = new CsvCases("results-csv", r -> template());
        new Run(TEST, "results-csv", "csv").cases(Hostile.COUNT, gen::make, c -> both(c, ResultFile.Format.CSV, "text/csv"),
                () -> StoredState.results(jdbc));
    }

    @Test
    void badXlsxFilesAreRefusedCleanly() throws Exception {
        XlsxCases gen = new XlsxCases("results-xlsx", r -> template());
        new Run(TEST, "results-xlsx", "xlsx").cases(Hostile.COUNT, gen::make, c -> both(c, ResultFile.Format.XLSX, MediaTypes.XLSX),
                () -> StoredState.results(jdbc));
    }

    @Test
    void badJsonFilesAreRefusedCleanly() throws Exception {
        JsonCases gen = new JsonCases("results-json", ResultImportHostileIT::jsonTemplate);
        new Run(TEST, "results-json", "json").cases(Hostile.COUNT, gen::make, c -> both(c, ResultFile.Format.JSON, "application/json"),
                () -> StoredState.results(jdbc));
    }
}
