package org.openita.server.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openita.core.interchange.InputProblem;
import org.openita.core.interchange.InvalidInputException;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.audit.AuditTrail;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Official results imported from the CSV template, kept as imported (one score input per agency and year).
 * Every row is checked against its year's framework; one bad row imports nothing.
 */
@Service
public class OfficialResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A problem in the file: row as the user sees it (header = 1), column, reason. */
    public record Problem(int row, String column, String th, String en) {
    }

    public record Report(int rows, int saved, List<Problem> problems) {
    }

    private final JdbcClient jdbc;
    private final FrameworkCatalog frameworks;
    private final AuditTrail audit;

    OfficialResults(JdbcClient jdbc, FrameworkCatalog frameworks, AuditTrail audit) {
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.audit = audit;
    }

    /** The stored input of an agency's year, as JSON text. */
    public Optional<String> input(String agencyCode, int year) {
        return jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?")
                .params(agencyCode, year).query(String.class).optional();
    }


    /** Scores an agency's stored year under the active framework. */
    public Optional<AgencyResult> result(String agencyCode, int year) {
        return input(agencyCode, year).map(json -> {
            ScoreInputReader.Read read = ScoreInputReader.read(json, frameworks::active);
            return new AgencyResult(read.input().agency(), read.agency(), read.framework(), ScoringEngine.score(read.framework(), read.input()));
        });
    }

    @Transactional
    public Report importCsv(String actor, InputStream in, Map<String, String> agencyNames) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int count = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.replace("\uFEFF", "").trim(), v));
            for (String required : List.of(OfficialResultColumns.CODE, OfficialResultColumns.YEAR)) {
                if (!header.containsKey(required)) {
                    problems.add(new Problem(1, required, "ไม่มีคอลัมน์ที่ต้องมี \"" + required + "\"", "required column \"" + required + "\" is missing"));
                }
            }
            if (!problems.isEmpty()) {
                return new Report(0, 0, problems);
            }
            for (CSVRecord rec : parser) {
                count++;
                int row = (int) rec.getRecordNumber() + 1;
                String code = cell(rec, header, OfficialResultColumns.CODE);
                if (!agencyNames.containsKey(code)) {
                    problems.add(new Problem(row, OfficialResultColumns.CODE, "ไม่พบหน่วยงานรหัส \"" + code + "\" ในทะเบียน",
                            "no agency with code \"" + code + "\" in the registry"));
                    continue;
                }
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("agency", agencyNames.get(code));
                input.put("year", cell(rec, header, OfficialResultColumns.YEAR));
                Map<String, Object> tools = new LinkedHashMap<>();
                for (String[] t : OfficialResultColumns.TOOLS) {
                    putIfPresent(tools, t[1], cell(rec, header, t[0]));
                }
                Map<String, Object> indicators = new LinkedHashMap<>();
                for (int i = 1; i <= 10; i++) {
                    putIfPresent(indicators, Integer.toString(i), cell(rec, header, OfficialResultColumns.indicator(i)));
                }
                if (!tools.isEmpty()) {
                    input.put("tools", tools);
                }
                if (!indicators.isEmpty()) {
                    input.put("indicators", indicators);
                }
                putIfPresent(input, "overall", cell(rec, header, OfficialResultColumns.OVERALL));
                putIfPresent(input, "level", cell(rec, header, OfficialResultColumns.LEVEL));
                String json = JSON.writeValueAsString(input);
                try {
                    ScoreInputReader.Read read = ScoreInputReader.read(json, frameworks::active);
                    rows.add(new Object[] {code, read.input().year().buddhistEra(), json});
                } catch (InvalidInputException e) {
                    for (InputProblem p : e.problems()) {
                        problems.add(new Problem(row, column(p.field()), p.th(), p.en()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Report(count, 0, problems);
        }
        for (Object[] r : rows) {
            jdbc.sql("insert into agency_result (agency_code, fiscal_year, input, imported_by) values (?, ?, cast(? as jsonb), ?)"
                            + " on conflict (agency_code, fiscal_year) do update set input = excluded.input, imported_at = now(), imported_by = excluded.imported_by")
                    .params(r[0], r[1], r[2], actor).update();
            audit.record(actor, "RESULT_IMPORTED", "result:" + r[0] + "/" + r[1], null, Map.of("input", r[2]));
        }
        return new Report(count, rows.size(), problems);
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.trim());
        }
    }

    private static String cell(CSVRecord rec, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= rec.size() ? "" : rec.get(i).trim();
    }

    /** Maps a score-input field back to the template column the user knows. */
    static String column(String field) {
        if (field.startsWith("indicators.")) {
            return OfficialResultColumns.indicator(Integer.parseInt(field.substring("indicators.".length()).replaceAll("\\D", "0")));
        }
        if (field.startsWith("tools.")) {
            String key = field.substring("tools.".length());
            return OfficialResultColumns.TOOLS.stream().filter(t -> t[1].equals(key)).map(t -> t[0]).findFirst().orElse(key);
        }
        return switch (field) {
            case "year" -> OfficialResultColumns.YEAR;
            case "overall" -> OfficialResultColumns.OVERALL;
            case "level" -> OfficialResultColumns.LEVEL;
            default -> field;
        };
    }
}
