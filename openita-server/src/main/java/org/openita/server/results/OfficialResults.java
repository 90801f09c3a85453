package org.openita.server.results;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.openita.core.interchange.InputProblem;
import org.openita.core.interchange.InvalidInputException;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.results.internal.OfficialResultColumns;
import org.openita.server.agency.AgencyCode;
import org.openita.server.framework.DefinitionVersion;
import org.openita.server.audit.AuditTrail;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Official results, kept as imported (one score input per agency and year) and scored on read under the
 * year's active framework. An import streams the file: each row is checked against its year's framework
 * and written in batches inside one transaction, which is rolled back if any row is bad, so a file is
 * imported whole or not at all.
 */
@Service
public class OfficialResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 500;
    /** Problems listed in full; beyond this only counted. */
    static final int PROBLEMS_LISTED = 300;
    /** The longest value a cell may hold: a code, a score, a level or an agency's name. */
    static final int MAX_CELL_CHARS = 500;
    /** The longest reason a listed problem keeps, so that what a finished import holds stays small. */
    static final int MAX_PROBLEM_CHARS = 300;

    /** A problem in the file: row as the user sees it (header = 1), column, reason. */
    public record Problem(int row, String column, String th, String en) {
    }

    /**
     * @param rows data rows read
     * @param saved rows stored (0 when there were problems)
     * @param problems the first {@link #PROBLEMS_LISTED} problems
     * @param moreProblems how many more there were
     * @param unmatched rows whose agency matched nothing in the registry
     * @param encoding the text encoding a CSV file was read in ({@code UTF-8} or {@code windows-874}); null for XLSX and JSON
     */
    public record Report(int rows, int saved, List<Problem> problems, int moreProblems, List<Problem> unmatched, String encoding) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The problems other than rows that match no agency, listed apart. */
        public List<Problem> others() {
            return problems.stream().filter(p -> !unmatched.contains(p)).toList();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final FrameworkCatalog frameworks;
    private final AuditTrail audit;
    private final Clock clock;
    /** A year's rows through a cursor (500 at a time), read-only: made once, used by every {@link #forEachInYear}. */
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    OfficialResults(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, FrameworkCatalog frameworks, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = new TransactionTemplate(transactions);
        this.frameworks = frameworks;
        this.audit = audit;
        this.clock = clock;
        this.cursor = new JdbcTemplate(java.util.Objects.requireNonNull(batch.getDataSource()));
        this.cursor.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The stored input of an agency's year, as JSON text. */
    public Optional<String> input(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?")
                .params(agency.value(), year.buddhistEra()).query(String.class).optional();
    }

    /**
     * Every stored input of a year, in agency-code order, handed over one at a time while PostgreSQL streams them
     * through a cursor, so a national year is never held in memory whole.
     */
    public void forEachInYear(FiscalYear year, java.util.function.BiConsumer<AgencyCode, String> codeAndInput) {
        readOnly.executeWithoutResult(status -> cursor.query(SELECT_YEAR,
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> codeAndInput.accept(AgencyCode.of(rs.getString(1)), rs.getString(2)),
                year.buddhistEra()));
    }

    private static final String SELECT_YEAR =
            "select agency_code, cast(input as text) from agency_result where fiscal_year = ? order by agency_code";

    /** The years an agency has results for, newest first. */
    public List<FiscalYear> years(AgencyCode agency) {
        return jdbc.sql("select fiscal_year from agency_result where agency_code = ? order by fiscal_year desc")
                .param(agency.value()).query((rs, n) -> FiscalYear.of(rs.getInt(1))).list();
    }

    /** Scores an agency's stored year under the active framework. */
    public Optional<AgencyResult> result(AgencyCode agency, FiscalYear year) {
        return input(agency, year).map(OfficialResults.this::score);
    }

    /**
     * The stored version of the definition a result was scored under: the year's active one when it is the one the
     * result names (an activation between the two reads leaves it empty rather than naming the wrong one).
     */
    public Optional<DefinitionVersion> definitionVersion(AgencyResult result) {
        return frameworks.activeVersion(result.framework().year().buddhistEra())
                .filter(v -> v.version().equals(result.framework().version()));
    }

    /** The analysis of an agency's year, with last year's results when stored; the draft measures are the engine's. */
    public Optional<org.openita.core.analysis.Analysis> analysis(AgencyCode agency, FiscalYear year) {
        return result(agency, year).map(now -> org.openita.core.analysis.Analyzer.analyze(now.framework(), now.score(),
                result(agency, year.previous()).map(AgencyResult::score).orElse(null), now.profile(),
                org.openita.core.framework.KnowledgeBaseLoader.shipped(year.buddhistEra()), org.openita.core.analysis.AnalysisOptions.DEFAULT)
                // drafts are planned from today: never a due date already past
                .draftedOn(org.openita.server.cycle.CycleService.today(clock)));
    }

    /**
     * A scorer for many stored inputs of one year, with the year's framework looked up once (for exports of
     * every agency); empty when no framework is active for the year.
     */
    public Optional<java.util.function.Function<String, AgencyResult>> scorer(FiscalYear year) {
        return frameworks.active(year.buddhistEra()).map(def -> json -> AgencyResult.of(
                ScoreInputReader.read(json, y -> y == year.buddhistEra() ? Optional.of(def) : frameworks.active(y))));
    }

    /** The framework definition results of a year are scored under (the active one). */
    public Optional<org.openita.core.framework.FrameworkDefinition> framework(FiscalYear year) {
        return frameworks.active(year.buddhistEra());
    }

    AgencyResult score(String json) {
        return AgencyResult.of(ScoreInputReader.read(json, frameworks::active));
    }

    /**
     * Imports a results file.
     *
     * @param allowed which agency codes this person may import for
     * @param agencies the registry, for matching rows by code or exact name
     * @param rowsDone told the number of rows read so far, for a progress display
     */
    public Report importFile(String actor, ResultFile file, List<Agency> agencies, Predicate<AgencyCode> allowed, IntConsumer rowsDone)
            throws IOException {
        Importer importer = new Importer(actor, agencies, allowed, rowsDone);
        IOException[] failure = new IOException[1];
        Report report = tx.execute(status -> {
            // dropped at commit; an import inside a caller's transaction (demo data) may find one from an earlier import
            jdbc.sql("create temporary table if not exists result_import_stage (agency_code text not null, fiscal_year int not null,"
                    + " input jsonb not null, primary key (agency_code, fiscal_year)) on commit drop").update();
            jdbc.sql("truncate result_import_stage").update();
            try {
                file.read(importer);
            } catch (IOException e) {
                failure[0] = e;
            }
            importer.flush();
            if (failure[0] != null || !importer.problems.isEmpty()) {
                status.setRollbackOnly();
            } else {
                importer.apply();
            }
            return importer.report(file.encoding() == null ? null : file.encoding().label());
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return report;
    }

    private final class Importer implements ResultFile.Sink {
        final String actor;
        final Predicate<AgencyCode> allowed;
        final IntConsumer rowsDone;
        final Map<String, Agency> byCode = new HashMap<>();
        final Map<String, List<Agency>> byName = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Problem> unmatched = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        /** The tool, part and indicator columns some year's active framework has. */
        final Set<String> knownColumns = new HashSet<>();
        {
            frameworks.activeDefinitions().forEach(d -> knownColumns.addAll(OfficialResultColumns.headers(d)));
        }
        /** The frameworks of the years met in this file, looked up once each. */
        final Map<Integer, Optional<org.openita.core.framework.FrameworkDefinition>> yearFrameworks = new HashMap<>();

        /** The active framework of the year a row names, or null when the cell is not a year with a framework. */
        private org.openita.core.framework.FrameworkDefinition rowFramework(String year) {
            StringBuilder digits = new StringBuilder();
            for (char c : (year == null ? "" : year.strip()).toCharArray()) {
                digits.append(c >= '\u0E50' && c <= '\u0E59' ? (char) ('0' + c - '\u0E50') : c);
            }
            Integer y;
            try {
                y = Integer.valueOf(digits.toString());
            } catch (NumberFormatException e) {
                return null;
            }
            return y < 2500 || y > 2700 ? null : yearFrameworks.computeIfAbsent(y, frameworks::active).orElse(null);
        }
        final List<Object[]> pending = new ArrayList<>();
        int more;
        int rows;
        int saved;

        Importer(String actor, List<Agency> agencies, Predicate<AgencyCode> allowed, IntConsumer rowsDone) {
            this.actor = actor;
            this.allowed = allowed;
            this.rowsDone = rowsDone;
            for (Agency a : agencies) {
                byCode.put(a.code().value(), a);
                byName.computeIfAbsent(name(a.nameTh()), k -> new ArrayList<>()).add(a);
            }
        }

        private void problem(int row, String column, String th, String en) {
            problem(new Problem(row, ResultFile.quoted(column), shortened(th), shortened(en)));
        }

        private void problem(Problem p) {
            if (problems.size() < PROBLEMS_LISTED) {
                problems.add(p);
            } else {
                more++;
            }
        }

        @Override
        public void header(List<String> columns) {
            if (!columns.contains(OfficialResultColumns.CODE) && !columns.contains(OfficialResultColumns.NAME)) {
                problem(1, OfficialResultColumns.CODE, "ต้องมีคอลัมน์ \"" + OfficialResultColumns.CODE + "\" หรือ \"" + OfficialResultColumns.NAME + "\"",
                        "a \"" + OfficialResultColumns.CODE + "\" (code) or \"" + OfficialResultColumns.NAME + "\" (name) column is required");
            }
            if (!columns.contains(OfficialResultColumns.YEAR)) {
                problem(1, OfficialResultColumns.YEAR, "ไม่มีคอลัมน์ที่ต้องมี \"" + OfficialResultColumns.YEAR + "\"",
                        "required column \"" + OfficialResultColumns.YEAR + "\" (fiscal year) is missing");
            }
            Set<String> dup = new HashSet<>();
            for (String c : columns) {
                if (c.isEmpty()) {
                    continue;
                }
                if (refusedText(1, c, c)) {
                    continue;
                }
                if (!OfficialResultColumns.isKnown(c, knownColumns)) {
                    problem(1, c, "ไม่รู้จักคอลัมน์ \"" + ResultFile.quoted(c) + "\" ใช้หัวคอลัมน์ตามแบบฟอร์ม",
                            "unknown column \"" + ResultFile.quoted(c) + "\"; use the template's headers");
                }
                if (!dup.add(c)) {
                    problem(1, c, "คอลัมน์ \"" + ResultFile.quoted(c) + "\" ซ้ำ", "column \"" + ResultFile.quoted(c) + "\" appears twice");
                }
            }
        }

        @Override
        public void row(int number, Map<String, String> cells) {
            rows++;
            if (rows % 100 == 0) {
                rowsDone.accept(rows);
            }
            boolean refused = false;
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                refused |= refusedText(number, cell.getKey(), cell.getValue());
            }
            if (refused) {
                return;
            }
            Agency agency = match(number, cells);
            if (agency == null) {
                return;
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("agency", ScoreInputAgency.of(agency));
            input.put("year", cells.getOrDefault(OfficialResultColumns.YEAR, ""));
            Map<String, Object> tools = new LinkedHashMap<>();
            Map<String, Object> indicators = new LinkedHashMap<>();
            Map<String, Object> questions = new LinkedHashMap<>();
            Map<String, Object> oit = new LinkedHashMap<>();
            org.openita.core.framework.FrameworkDefinition rowYear = rowFramework(cells.get(OfficialResultColumns.YEAR));
            cells.forEach((column, value) -> {
                if (value.isBlank() || OfficialResultColumns.base().contains(column)) {
                    return;
                }
                if (OfficialResultColumns.isItem(column)) {
                    // an OIT item or a question, as the row's year defines it (unknown codes are reported by the reader)
                    boolean isOit = rowYear != null && rowYear.oitItem(column).isPresent();
                    (isOit ? oit : questions).put(column, Map.of("score", value.trim()));
                } else if (OfficialResultColumns.indicatorOf(column).isPresent()) {
                    putIfPresent(indicators, Integer.toString(OfficialResultColumns.indicatorOf(column).get()), value);
                } else {
                    OfficialResultColumns.toolOf(column).ifPresent(key -> putIfPresent(tools, key, value));
                }
            });
            putIfNotEmpty(input, "tools", tools);
            putIfNotEmpty(input, "indicators", indicators);
            putIfNotEmpty(input, "questions", questions);
            putIfNotEmpty(input, "oit", oit);
            putIfPresent(input, "overall", cells.get(OfficialResultColumns.OVERALL));
            putIfPresent(input, "level", cells.get(OfficialResultColumns.LEVEL));
            if (!input.containsKey("overall") && !input.containsKey("level") && tools.isEmpty() && indicators.isEmpty()
                    && questions.isEmpty() && oit.isEmpty()) {
                problem(number, OfficialResultColumns.OVERALL, "แถวนี้ยังไม่มีคะแนน ใส่คะแนนตามที่สำนักงาน ป.ป.ช. ประกาศ อย่างน้อยคะแนนรวมหรือระดับผล",
                        "this row has no scores yet; enter the scores NACC announced, at least the overall score or the level");
                return;
            }
            String json = JSON.writeValueAsString(input);
            try {
                ScoreInputReader.Read read = ScoreInputReader.read(json, y -> yearFrameworks.computeIfAbsent(y, frameworks::active));
                int year = read.input().year().buddhistEra();
                if (!seen.add(agency.code() + "/" + year)) {
                    problem(number, OfficialResultColumns.CODE, "หน่วยงาน " + agency.code() + " ปี " + year + " มีมากกว่าหนึ่งแถวในไฟล์",
                            "agency " + agency.code() + " has more than one row for " + year + " in the file");
                    return;
                }
                if (problems.isEmpty()) {
                    pending.add(new Object[] {agency.code().value(), year, json});
                    if (pending.size() >= BATCH) {
                        flush();
                    }
                }
            } catch (InvalidInputException e) {
                for (InputProblem p : e.problems()) {
                    problem(number, column(p.field()), p.th(), p.en());
                }
            }
        }

        /** Reports a cell holding a control character or more than {@link #MAX_CELL_CHARS} characters. */
        private boolean refusedText(int row, String column, String value) {
            int bad = org.openita.server.web.TextInput.firstRefused(value);
            if (bad >= 0) {
                String cp = org.openita.server.web.TextInput.codePoint(value, bad);
                problem(row, column, "มีอักขระควบคุม " + cp + " ซึ่งรับไม่ได้ (ตำแหน่งที่ " + (bad + 1) + ")",
                        "holds the control character " + cp + ", which is not accepted (position " + (bad + 1) + ")");
                return true;
            }
            if (value.length() > MAX_CELL_CHARS) {
                problem(row, column, "ยาว " + value.length() + " ตัวอักษร เกินกว่า " + MAX_CELL_CHARS + " ที่รับได้",
                        value.length() + " characters long, more than the " + MAX_CELL_CHARS + " accepted");
                return true;
            }
            return false;
        }

        private Agency match(int number, Map<String, String> cells) {
            String code = cells.getOrDefault(OfficialResultColumns.CODE, "").trim();
            String name = cells.getOrDefault(OfficialResultColumns.NAME, "").trim();
            Agency agency;
            if (!code.isEmpty()) {
                agency = byCode.get(code);
                if (agency == null) {
                    unmatched(number, OfficialResultColumns.CODE, "ไม่พบหน่วยงานรหัส \"" + ResultFile.quoted(code) + "\" ในทะเบียน",
                            "no agency with code \"" + ResultFile.quoted(code) + "\" in the registry");
                    return null;
                }
                if (!name.isEmpty() && !name(name).equals(name(agency.nameTh()))) {
                    problem(number, OfficialResultColumns.NAME, "รหัส " + code + " เป็นของ \"" + agency.nameTh() + "\" ไม่ใช่ \"" + ResultFile.quoted(name) + "\"",
                            "code " + code + " belongs to \"" + agency.nameTh() + "\", not \"" + ResultFile.quoted(name) + "\"");
                    return null;
                }
            } else if (!name.isEmpty()) {
                List<Agency> found = byName.getOrDefault(name(name), List.of());
                if (found.isEmpty()) {
                    unmatched(number, OfficialResultColumns.NAME, "ไม่พบหน่วยงานชื่อ \"" + ResultFile.quoted(name) + "\" ในทะเบียน (ต้องตรงทุกตัวอักษร)",
                            "no agency named exactly \"" + ResultFile.quoted(name) + "\" in the registry");
                    return null;
                }
                if (found.size() > 1) {
                    problem(number, OfficialResultColumns.NAME, "มีหน่วยงานชื่อ \"" + ResultFile.quoted(name) + "\" มากกว่าหนึ่งแห่ง ให้ระบุรหัสหน่วยงาน",
                            "more than one agency is named \"" + ResultFile.quoted(name) + "\"; give the agency code");
                    return null;
                }
                agency = found.get(0);
            } else {
                problem(number, OfficialResultColumns.CODE, "ไม่มีรหัสหรือชื่อหน่วยงาน", "neither an agency code nor a name is given");
                return null;
            }
            if (!allowed.test(agency.code())) {
                problem(number, OfficialResultColumns.CODE, "แถวนี้ไม่ใช่หน่วยงานของคุณ คุณนำเข้าผลได้เฉพาะหน่วยงานที่คุณดูแล",
                        "this row is not for your agency; you may import results only for the agencies you manage");
                return null;
            }
            return agency;
        }

        private void unmatched(int row, String column, String th, String en) {
            Problem p = new Problem(row, ResultFile.quoted(column), shortened(th), shortened(en));
            if (unmatched.size() < PROBLEMS_LISTED) {
                unmatched.add(p);
            }
            problem(p);
        }

        /** Stages the checked rows of this batch; nothing reaches agency_result until the whole file is read. */
        void flush() {
            if (pending.isEmpty() || !problems.isEmpty()) {
                pending.clear();
                return;
            }
            batch.batchUpdate("insert into result_import_stage (agency_code, fiscal_year, input) values (?, ?, cast(? as jsonb))", pending);
            saved += pending.size();
            pending.clear();
        }

        /**
         * Writes the staged rows and their audit events. Existing rows are locked first and every row is written
         * in the order of its key, so two imports that touch the same agencies wait for each other instead of
         * deadlocking, whatever the order of rows in their files.
         */
        void apply() {
            if (saved == 0 || !problems.isEmpty()) {
                return;
            }
            jdbc.sql("select 1 from agency_result a join result_import_stage s using (agency_code, fiscal_year)"
                    + " order by a.agency_code, a.fiscal_year for update of a").query((org.springframework.jdbc.core.RowCallbackHandler) rs -> { });
            String lastCode = "";
            int lastYear = 0;
            while (true) {
                List<AuditTrail.Entry> entries = new ArrayList<>();
                String[] last = {lastCode};
                int[] lastY = {lastYear};
                jdbc.sql("select s.agency_code, s.fiscal_year, cast(s.input as text), cast(a.input as text) from result_import_stage s"
                                + " left join agency_result a using (agency_code, fiscal_year)"
                                + " where (s.agency_code, s.fiscal_year) > (?, ?) order by s.agency_code, s.fiscal_year limit ?")
                        .params(lastCode, lastYear, BATCH).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                            String key = rs.getString(1) + "/" + rs.getInt(2);
                            String before = rs.getString(4);
                            entries.add(new AuditTrail.Entry("result:" + key, before == null ? null : Map.of("input", JSON.readTree(before)),
                                    Map.of("input", JSON.readTree(rs.getString(3)))));
                            last[0] = rs.getString(1);
                            lastY[0] = rs.getInt(2);
                        });
                if (entries.isEmpty()) {
                    break;
                }
                audit.recordAll(actor, "RESULT_IMPORTED", entries);
                lastCode = last[0];
                lastYear = lastY[0];
            }
            jdbc.sql("insert into agency_result (agency_code, fiscal_year, input, imported_by)"
                    + " select agency_code, fiscal_year, input, ? from result_import_stage order by agency_code, fiscal_year"
                    + " on conflict (agency_code, fiscal_year) do update set input = excluded.input, imported_at = now(), imported_by = excluded.imported_by,"
                    // an official import always replaces a computed row
                    + " source = 'OFFICIAL', basis = null, below_minimum = null")
                    .param(actor).update();
        }

        Report report(String encoding) {
            rowsDone.accept(rows);
            return new Report(rows, problems.isEmpty() ? saved : 0, List.copyOf(problems), more, List.copyOf(unmatched), encoding);
        }
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_PROBLEM_CHARS ? reason : reason.substring(0, MAX_PROBLEM_CHARS) + "…";
    }

    /** Names match exactly, apart from surrounding spaces and Unicode composition. */
    private static String name(String s) {
        return Normalizer.normalize(s.trim(), Normalizer.Form.NFC);
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.trim());
        }
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, Map<String, Object> value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    /** Maps a score-input field back to the template column the user knows. */
    static String column(String field) {
        if (field.startsWith("indicators.")) {
            return OfficialResultColumns.indicator(Integer.parseInt(field.substring("indicators.".length()).replaceAll("\\D", "0")));
        }
        if (field.startsWith("tools.")) {
            String key = field.substring("tools.".length());
            return OfficialResultColumns.tool(key);
        }
        if (field.startsWith("questions.") || field.startsWith("oit.")) {
            String rest = field.substring(field.indexOf('.') + 1);
            return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        }
        return switch (field) {
            case "year" -> OfficialResultColumns.YEAR;
            case "overall" -> OfficialResultColumns.OVERALL;
            case "level" -> OfficialResultColumns.LEVEL;
            default -> field;
        };
    }
}
