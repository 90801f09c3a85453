package org.openita.server.agency;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openita.server.agency.internal.AgencyFile;
import org.openita.server.agency.internal.AgencyRows;
import org.openita.server.audit.AuditTrail;
import org.openita.server.upload.Uploads;
import org.openita.server.web.TempFolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of agencies: read, import in one transaction, export. */
@Service
public class AgencyRegistry {

    /** How an import treats invalid rows. */
    public enum Mode {
        /** Import nothing if any row is invalid. */
        ALL_OR_NOTHING,
        /** Import the valid rows, report the invalid ones. */
        VALID_ROWS_ONLY
    }

    /** What an import did: rows read, agencies created and updated, the first problems found and how many there were. */
    public record ImportReport(int rows, int created, int updated, List<ImportProblem> problems, int problemCount, boolean applied,
                               String encoding, List<Imported> imported) {
        ImportReport(int rows, int created, int updated, List<ImportProblem> problems, boolean applied, String encoding) {
            this(rows, created, updated, problems, applied, encoding, List.of());
        }

        ImportReport(int rows, int created, int updated, List<ImportProblem> problems, boolean applied, String encoding,
                     List<Imported> imported) {
            this(rows, created, updated, problems.size() > PROBLEMS_LISTED ? List.copyOf(problems.subList(0, PROBLEMS_LISTED)) : problems,
                    problems.size(), applied, encoding, imported.size() > PROBLEMS_LISTED ? List.copyOf(imported.subList(0, PROBLEMS_LISTED)) : imported);
        }
    }

    /** An agency an import added or updated, for the report to link to its page (the first {@link #PROBLEMS_LISTED} are listed). */
    public record Imported(AgencyCode code, String nameTh, boolean created) {
    }

    /** Problems listed in a report; beyond this they are only counted. */
    static final int PROBLEMS_LISTED = 300;
    /** The largest registry file taken. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TempFolder temp;

    AgencyRegistry(JdbcClient jdbc, AuditTrail audit, TempFolder temp) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.temp = temp;
    }

    record Row(long id, String code, String nameTh, String nameEn, String agencyType, String size, String assessmentGroup,
               String parentCode, String province, String district, String website, Integer staffCount) {
    }

    /**
     * A row read by column name without reflection: Spring's record mapper cost about half a millisecond a row on a
     * loaded machine, seconds for the whole registry (docs/benchmarks.md, the survey progress list).
     */
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name_th"),
            rs.getString("name_en"), rs.getString("agency_type"), rs.getString("size"), rs.getString("assessment_group"),
            rs.getString("parent_code"), rs.getString("province"), rs.getString("district"), rs.getString("website"),
            rs.getObject("staff_count", Integer.class));

    public List<Agency> all() {
        Map<Long, List<String>> units = new LinkedHashMap<>();
        jdbc.sql("select agency_id, name from agency_unit order by agency_id, position")
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return jdbc.sql("select id, code, name_th, name_en, agency_type, size, assessment_group, parent_code, province, district,"
                        + " website, staff_count from agency order by code")
                .query(ROW).list().stream().map(r -> toAgency(r, units.getOrDefault(r.id(), List.of()))).toList();
    }

    public Optional<Agency> find(AgencyCode code) {
        return jdbc.sql("select id, code, name_th, name_en, agency_type, size, assessment_group, parent_code, province, district,"
                        + " website, staff_count from agency where code = ?")
                .param(code.value()).query(ROW).optional()
                .map(r -> toAgency(r, jdbc.sql("select name from agency_unit where agency_id = ? order by position")
                        .param(r.id()).query(String.class).list()));
    }

    public long count() {
        return jdbc.sql("select count(*) from agency").query(Long.class).single();
    }

    private static Agency toAgency(Row r, List<String> units) {
        return new Agency(AgencyCode.of(r.code()), r.nameTh(), r.nameEn(), AgencyType.valueOf(r.agencyType()), r.size(), r.assessmentGroup(),
                r.parentCode(), r.province(), r.district(), r.website(), r.staffCount(), units);
    }

    /**
     * Reads, checks and imports a CSV or XLSX file; with ALL_OR_NOTHING a single bad row leaves the registry unchanged.
     *
     * @throws org.openita.server.upload.UnreadableFileException when the file cannot be read or passes a limit
     */
    @Transactional
    public ImportReport importFile(String actor, String fileName, InputStream in, Mode mode) throws IOException {
        Path copy = Uploads.copy(in, temp, "registry-", ".upload", MAX_BYTES);
        AgencyFile.Contents contents;
        try {
            contents = AgencyFile.read(fileName, copy);
        } finally {
            Files.deleteIfExists(copy);
        }
        if (!contents.problems().isEmpty()) {
            return new ImportReport(0, 0, 0, contents.problems(), false, contents.encoding());
        }
        Set<String> known = new HashSet<>(jdbc.sql("select code from agency").query(String.class).list());
        AgencyRows.Checked checked = AgencyRows.check(contents.rows(), known);
        if (!checked.problems().isEmpty() && mode == Mode.ALL_OR_NOTHING) {
            return new ImportReport(checked.rows(), 0, 0, checked.problems(), false, contents.encoding());
        }
        int created = 0;
        int updated = 0;
        List<Imported> imported = new java.util.ArrayList<>();
        for (Agency a : checked.valid()) {
            imported.add(new Imported(a.code(), a.nameTh(), !known.contains(a.code().value())));
            Optional<Agency> before = known.contains(a.code().value()) ? find(a.code()) : Optional.empty();
            long id;
            if (before.isPresent()) {
                id = jdbc.sql("update agency set name_th = ?, name_en = ?, agency_type = ?, size = ?, assessment_group = ?, parent_code = ?,"
                                + " province = ?, district = ?, website = ?, staff_count = ?, updated_at = now(), version = version + 1"
                                + " where code = ? returning id")
                        .params(a.nameTh(), a.nameEn(), a.type().name(), a.size(), a.assessmentGroup(), a.parentCode(), a.province(),
                                a.district(), a.website(), a.staffCount(), a.code().value())
                        .query(Long.class).single();
                jdbc.sql("delete from agency_unit where agency_id = ?").param(id).update();
                updated++;
            } else {
                id = jdbc.sql("insert into agency (code, name_th, name_en, agency_type, size, assessment_group, parent_code, province,"
                                + " district, website, staff_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                        .params(a.code().value(), a.nameTh(), a.nameEn(), a.type().name(), a.size(), a.assessmentGroup(), a.parentCode(),
                                a.province(), a.district(), a.website(), a.staffCount())
                        .query(Long.class).single();
                created++;
            }
            for (int i = 0; i < a.units().size(); i++) {
                jdbc.sql("insert into agency_unit (agency_id, position, name) values (?, ?, ?)").params(id, i, a.units().get(i)).update();
            }
            if (before.isEmpty() || !before.get().equals(a)) {
                audit.record(actor, before.isPresent() ? "AGENCY_UPDATED" : "AGENCY_CREATED", "agency:" + a.code(),
                        before.map(AgencyRegistry::describe).orElse(null), describe(a));
            }
        }
        return new ImportReport(checked.rows(), created, updated, checked.problems(), true, contents.encoding(), imported);
    }

    @Transactional
    public void updateStaffCount(String actor, AgencyCode code, int staffCount) {
        Agency before = find(code).orElseThrow();
        jdbc.sql("update agency set staff_count = ?, updated_at = now(), version = version + 1 where code = ?").params(staffCount, code.value()).update();
        audit.record(actor, "AGENCY_UPDATED", "agency:" + code, Map.of("staffCount", String.valueOf(before.staffCount())),
                Map.of("staffCount", staffCount));
    }

    private static Map<String, Object> describe(Agency a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nameTh", a.nameTh());
        m.put("type", a.type().name());
        m.put("size", a.size());
        m.put("province", a.province());
        m.put("district", a.district());
        m.put("staffCount", a.staffCount());
        m.put("units", a.units());
        return m;
    }
}
