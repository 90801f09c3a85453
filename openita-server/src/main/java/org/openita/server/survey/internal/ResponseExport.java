package org.openita.server.survey.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openita.core.framework.FiscalYear;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.AgencyCode;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.web.CsvOut;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The responses of a year as CSV or XLSX, one row per response and one column per answer key in the questionnaire's
 * order (then any other key stored), each cell the option code answered. Rows come through a read-only cursor, 500 at
 * a time, and are written as they come: a national year is never in memory whole (XLSX keeps a window of
 * {@link #XLSX_WINDOW} rows, the rest are on disk until written out).
 * <p>
 * IIT rows are anonymous by construction here too: the query does not read the day or any quality column, and the
 * rows come in the order of their random ids. No agency's IIT responses are exported when it has fewer than
 * {@link #IIT_SMALLEST} of them, for anyone; an EIT row carries its day and quality signals.
 */
@Component
class ResponseExport {

    /** The fewest IIT responses of an agency that may be shown one by one. */
    static final int IIT_SMALLEST = 5;
    static final int XLSX_WINDOW = 100;
    private static final int FETCH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final FrameworkCatalog frameworks;

    ResponseExport(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, FrameworkCatalog frameworks) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.frameworks = frameworks;
    }

    /** One stored response as exported; day and signals are null for the IIT. */
    record Response(String agency, String answeredOn, Map<String, Object> answers, Integer seconds, Boolean identical, Integer burst) {
    }

    /** What to export: one agency's year (agency set) or every agency's. */
    record Scope(Optional<AgencyCode> agency, FiscalYear year, SurveyPart part) {
    }

    /** The header of the export: fixed columns, then the answer keys. */
    List<String> header(Scope s, List<String> keys) {
        List<String> h = new ArrayList<>(List.of("รหัสหน่วยงาน"));
        if (s.part() == SurveyPart.EIT_PUBLIC) {
            h.add("วันที่ตอบ (answered_on)");
        }
        h.addAll(keys);
        if (s.part() == SurveyPart.EIT_PUBLIC) {
            h.addAll(List.of("เวลาที่ใช้ตอบ วินาที (seconds_to_complete)", "ตอบเหมือนกันทุกข้อ (identical_answers)",
                    "การส่งถี่ในช่วงเดียวกัน (burst)"));
        }
        return h;
    }

    /** The answer keys: the questionnaire's, in its order, then any other key the stored responses hold, sorted. */
    List<String> keys(Scope s) {
        Set<String> keys = new LinkedHashSet<>();
        frameworks.active(s.year().buddhistEra()).ifPresent(def -> {
            try {
                Questionnaire.of(def, s.part().tool(), s.part().code()).fields().forEach(f -> keys.add(f.answerKey()));
            } catch (IllegalArgumentException noSuchPart) {
                // a year whose definition has no such tool part: the stored keys alone
            }
        });
        Set<String> stored = new TreeSet<>(jdbc.sql("select distinct jsonb_object_keys(answers) from survey_response"
                        + " where fiscal_year = ? and part = ?" + (s.agency().isPresent() ? " and agency_code = ?" : ""))
                .params(params(s, false)).query(String.class).list());
        stored.removeAll(keys);
        keys.addAll(stored);
        return List.copyOf(keys);
    }

    private static Object[] params(Scope s, boolean withSmallest) {
        List<Object> p = new ArrayList<>(List.of(s.year().buddhistEra(), s.part().code()));
        s.agency().ifPresent(a -> p.add(a.value()));
        if (withSmallest) {
            p.add(s.year().buddhistEra());
            p.add(IIT_SMALLEST);
        }
        return p.toArray();
    }

    /** Streams the rows of the scope, in export order, through a read-only cursor. */
    void each(Scope s, Consumer<Response> sink) {
        boolean iit = s.part() == SurveyPart.IIT;
        String columns = iit ? "agency_code, cast(answers as text)"
                : "agency_code, cast(answers as text), answered_on, seconds_to_complete, identical_answers, burst";
        String sql = "select " + columns + " from survey_response where fiscal_year = ? and part = ?"
                + (s.agency().isPresent() ? " and agency_code = ?" : "")
                // no agency's IIT shown one by one below the smallest count, whoever asks
                + (iit ? " and agency_code in (select agency_code from survey_response where fiscal_year = ? and part = 'IIT'"
                + " group by agency_code having count(*) >= ?)" : "")
                + (iit ? " order by agency_code, id" : " order by agency_code, answered_on, id");
        readOnly.executeWithoutResult(status -> cursor.query(sql, (RowCallbackHandler) rs -> sink.accept(read(rs, iit)), params(s, iit)));
    }

    private static Response read(ResultSet rs, boolean iit) throws SQLException {
        Map<String, Object> answers = JSON.readValue(rs.getString(2), ANSWERS);
        if (iit) {
            return new Response(rs.getString(1), null, answers, null, null, null);
        }
        return new Response(rs.getString(1), rs.getObject(3, java.time.LocalDate.class).toString(), answers,
                (Integer) rs.getObject(4), (Boolean) rs.getObject(5), rs.getObject(6) == null ? null : rs.getInt(6));
    }

    private static List<String> cells(Scope s, List<String> keys, Response r) {
        List<String> c = new ArrayList<>(keys.size() + 5);
        c.add(r.agency());
        if (s.part() == SurveyPart.EIT_PUBLIC) {
            c.add(r.answeredOn());
        }
        for (String k : keys) {
            Object v = r.answers().get(k);
            c.add(v == null ? "" : v.toString());
        }
        if (s.part() == SurveyPart.EIT_PUBLIC) {
            c.add(r.seconds() == null ? "" : r.seconds().toString());
            c.add(r.identical() == null ? "" : r.identical().toString());
            c.add(r.burst() == null ? "" : r.burst().toString());
        }
        return c;
    }

    /** Writes the CSV (UTF-8 with a byte-order mark, through {@link CsvOut}); returns the number of rows. */
    int csv(Scope s, OutputStream out) throws IOException {
        List<String> keys = keys(s);
        CsvOut csv = CsvOut.to(out);
        csv.row(header(s, keys));
        int[] n = {0};
        each(s, r -> {
            try {
                csv.row(cells(s, keys, r));
                if (++n[0] % FETCH == 0) {
                    csv.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
        return n[0];
    }

    /** Writes the XLSX with POI's streaming workbook; returns the number of rows. */
    int xlsx(Scope s, OutputStream out) throws IOException {
        List<String> keys = keys(s);
        SXSSFWorkbook wb = new SXSSFWorkbook(XLSX_WINDOW);
        wb.setCompressTempFiles(true);
        try {
            Sheet sheet = wb.createSheet(s.part() == SurveyPart.IIT ? "IIT" : "EIT ส่วนที่ 1");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header = header(s, keys);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] n = {0};
            each(s, r -> {
                Row row = sheet.createRow(++n[0]);
                List<String> cells = cells(s, keys, r);
                for (int i = 0; i < cells.size(); i++) {
                    if (!cells.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            });
            wb.write(out);
            out.flush();
            return n[0];
        } finally {
            wb.close();
            wb.dispose();
        }
    }
}
