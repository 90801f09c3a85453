package org.openita.server.survey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.ImportProblem;
import org.openita.server.audit.AuditTrail;
import org.openita.server.upload.TableReader;
import org.openita.server.upload.Uploads;
import org.openita.server.web.TempFolder;
import org.openita.server.web.TextInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigns agencies to assessors from a CSV (UTF-8 or Windows-874) or XLSX of agency codes and assessor accounts. The
 * upload is copied within {@link #MAX_BYTES} and read within {@link TableReader}'s limits; every row is checked, and a
 * file with any problem stores nothing and lists them all. A good file adds its rows in one transaction; a pair that is
 * already assigned is counted as such, not refused, so importing the same file twice changes nothing the second time.
 * The import is one audit record with its counts and the pairs it added.
 */
@Service
class AssignmentImport {

    /** The largest file taken: 8,300 agencies with their assessors are about 300 KB. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** What an import did, or why it did nothing. */
    record Report(int rows, int added, int alreadyAssigned, List<ImportProblem> problems, boolean applied, String encoding) {
    }

    private record Row(int number, String agency, String account) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final TempFolder temp;

    AssignmentImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, AuditTrail audit, TempFolder temp) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.audit = audit;
        this.temp = temp;
    }

    /**
     * Reads, checks and (when every row is good) applies the file.
     *
     * @throws org.openita.server.upload.UnreadableFileException when the file cannot be read at all (too large, damaged, not text)
     */
    Report importFile(String actor, String fileName, InputStream in) throws IOException {
        Path copy = Uploads.copy(in, temp, "assignments-", ".upload", MAX_BYTES);
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String encoding;
        try {
            TableReader reader = new TableReader(copy, fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? TableReader.Kind.XLSX : TableReader.Kind.CSV);
            Map<AssignmentColumns, Integer> at = new EnumMap<>(AssignmentColumns.class);
            reader.read(new TableReader.Sink() {
                @Override
                public void header(List<String> columns) {
                    for (int i = 0; i < columns.size(); i++) {
                        String h = columns.get(i);
                        if (h == null) {
                            continue;
                        }
                        AssignmentColumns c = AssignmentColumns.ofHeader(h).orElse(null);
                        if (c != null && at.containsKey(c)) {
                            problems.add(new ImportProblem(1, c.thai, "คอลัมน์ \"" + c.thai + "\" ซ้ำ", "column \"" + c.key + "\" appears twice"));
                        } else if (c != null) {
                            at.put(c, i);
                        }
                    }
                    for (AssignmentColumns c : AssignmentColumns.values()) {
                        if (!at.containsKey(c)) {
                            problems.add(new ImportProblem(1, c.thai, "ไม่มีคอลัมน์ \"" + c.thai + "\" (หรือ " + c.key + ")",
                                    "the column \"" + c.key + "\" (or " + c.thai + ") is missing"));
                        }
                    }
                }

                @Override
                public void row(int number, List<String> cells) {
                    if (problems.isEmpty()) { // a header problem is reported alone: the rows cannot be read by column
                        rows.add(new Row(number, cell(cells, at.get(AssignmentColumns.AGENCY)), cell(cells, at.get(AssignmentColumns.ASSESSOR))));
                    }
                }
            });
            encoding = reader.encoding() == null ? null : reader.encoding().label();
        } finally {
            Files.deleteIfExists(copy);
        }
        if (!problems.isEmpty()) {
            return new Report(0, 0, 0, problems, false, encoding);
        }
        if (rows.isEmpty()) {
            problems.add(new ImportProblem(1, "", "ไฟล์ไม่มีแถวข้อมูลใต้หัวตาราง", "the file has no data rows under the header"));
            return new Report(0, 0, 0, problems, false, encoding);
        }
        return check(actor, fileName, rows, encoding);
    }

    private static String cell(List<String> cells, Integer i) {
        return i == null || i >= cells.size() || cells.get(i) == null ? "" : TextInput.trim(cells.get(i));
    }

    private Report check(String actor, String fileName, List<Row> rows, String encoding) {
        Set<String> agencies = new HashSet<>(jdbc.sql("select code from agency").query(String.class).list());
        Map<String, String[]> accounts = new HashMap<>(); // lower-case username -> stored username, role
        jdbc.sql("select username, role from app_user").query((rs, i) -> accounts.put(rs.getString(1).toLowerCase(Locale.ROOT),
                new String[] {rs.getString(1), rs.getString(2)})).list();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<String>> pairs = new LinkedHashMap<>(); // stored username -> codes, in file order
        String agencyColumn = AssignmentColumns.AGENCY.thai;
        String accountColumn = AssignmentColumns.ASSESSOR.thai;
        for (Row r : rows) {
            int before = problems.size();
            String code = r.agency();
            String quotedCode = TableReader.quoted(code);
            if (code.isEmpty()) {
                problems.add(new ImportProblem(r.number(), agencyColumn, "ช่องรหัสหน่วยงานว่าง", "the agency code is empty"));
            } else if (!AgencyCode.isValid(code) || !agencies.contains(code)) {
                problems.add(new ImportProblem(r.number(), agencyColumn, "ไม่มีหน่วยงานรหัส \"" + quotedCode + "\" ในทะเบียน",
                        "no agency with the code \"" + quotedCode + "\" is in the registry"));
            }
            String account = r.account();
            String quotedAccount = TableReader.quoted(account);
            String[] found = accounts.get(account.toLowerCase(Locale.ROOT));
            if (account.isEmpty()) {
                problems.add(new ImportProblem(r.number(), accountColumn, "ช่องบัญชีผู้ประเมินว่าง", "the assessor account is empty"));
            } else if (found == null) {
                problems.add(new ImportProblem(r.number(), accountColumn, "ไม่มีบัญชีผู้ใช้ \"" + quotedAccount + "\"",
                        "there is no account \"" + quotedAccount + "\""));
            } else if (!"ASSESSOR".equals(found[1])) {
                problems.add(new ImportProblem(r.number(), accountColumn, "บัญชี \"" + quotedAccount + "\" ไม่ใช่บัญชีผู้ประเมิน",
                        "the account \"" + quotedAccount + "\" is not an assessor's"));
            }
            if (problems.size() > before) {
                continue;
            }
            String key = found[0].toLowerCase(Locale.ROOT) + "\n" + code;
            Integer first = seen.putIfAbsent(key, r.number());
            if (first != null) {
                problems.add(new ImportProblem(r.number(), "", "แถวซ้ำกับแถวที่ " + first + " (" + quotedCode + ", " + quotedAccount + ")",
                        "the same as row " + first + " (" + quotedCode + ", " + quotedAccount + ")"));
                continue;
            }
            pairs.computeIfAbsent(found[0], k -> new ArrayList<>()).add(code);
        }
        if (!problems.isEmpty()) {
            return new Report(rows.size(), 0, 0, problems, false, encoding);
        }
        int[] added = new int[1];
        tx.executeWithoutResult(s -> {
            Map<String, List<String>> addedPairs = new TreeMap<>();
            for (Map.Entry<String, List<String>> e : pairs.entrySet()) {
                List<String> codes = e.getValue();
                int[] counts = batch.batchUpdate("insert into user_agency_access (username, agency_code) select ?, ?"
                                + " where not exists (select 1 from user_agency_access where lower(username) = lower(?) and agency_code = ?)"
                                + " on conflict do nothing",
                        codes.stream().map(c -> new Object[] {e.getKey(), c, e.getKey(), c}).toList());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        added[0]++;
                        addedPairs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(codes.get(i));
                    }
                }
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", TextInput.quote(fileName, 120));
            after.put("rows", rows.size());
            after.put("added", added[0]);
            after.put("alreadyAssigned", rows.size() - added[0]);
            after.put("assigned", addedPairs);
            audit.record(actor, "ASSESSOR_AGENCIES_IMPORTED", "assessor-assignments", null, after);
        });
        return new Report(rows.size(), added[0], rows.size() - added[0], List.of(), true, encoding);
    }
}
