package org.openita.server.survey.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.MessageSource;
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
 * order (then any other key stored), each cell the option code answered; headers carry the question's number, short
 * wording and key ({@link ExportColumns}), and the XLSX adds what each column is and each option's label
 * ({@link ExportLegend}). Rows come through a read-only cursor, 500 at
 * a time, and are written as they come: a national year is never in memory whole (XLSX keeps a window of
 * {@link #XLSX_WINDOW} rows, the rest are on disk until written out).
 * <p>
 * IIT rows are anonymous by construction here too: the query does not read the day or any quality column, and the
 * rows come in the order of their random ids. No agency's IIT responses are exported when it has fewer than
 * {@link #IIT_SMALLEST} of them, for anyone; an EIT part-1 row carries its day and quality signals, an EIT part-2 row its
 * day only: the query reads survey_response alone, never field_response, so no assessor or mode of contact can appear.
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
    private final MessageSource messages;

    ResponseExport(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, FrameworkCatalog frameworks,
                   MessageSource messages) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.frameworks = frameworks;
        this.messages = messages;
    }

    /** One stored response as exported; day and signals are null for the IIT. */
    record Response(String agency, String answeredOn, Map<String, Object> answers, Integer seconds, Boolean identical, Integer burst) {
    }

    /** What to export: one agency's year (agency set) or every agency's. */
    record Scope(Optional<AgencyCode> agency, FiscalYear year, SurveyPart part) {
    }

    /**
     * The columns of the export in a language: fixed columns, the questionnaire's answers in its order, then any other
     * answer key the stored responses hold, sorted.
     */
    ExportColumns columns(Scope s, Locale locale) {
        Optional<Questionnaire> questionnaire = frameworks.active(s.year().buddhistEra()).flatMap(def -> {
            try {
                return Optional.of(Questionnaire.of(def, s.part().tool(), s.part().code()));
            } catch (IllegalArgumentException noSuchPart) {
                return Optional.empty(); // a year whose definition has no such tool part: the stored keys alone
            }
        });
        Set<String> known = new HashSet<>();
        questionnaire.ifPresent(q -> q.fields().forEach(f -> known.add(f.answerKey())));
        Set<String> stored = new TreeSet<>(jdbc.sql("select distinct jsonb_object_keys(answers) from survey_response"
                        + " where fiscal_year = ? and part = ?" + (s.agency().isPresent() ? " and agency_code = ?" : ""))
                .params(params(s, false)).query(String.class).list());
        stored.removeAll(known);
        return ExportColumns.of(s.part(), questionnaire, List.copyOf(stored), locale,
                (key, args) -> messages.getMessage(key, args, locale));
    }

    private static Object[] params(Scope s, boolean withSmallest) {
        List<Object> p = new ArrayList<>(List.of(s.year().buddhistEra(), s.part().code()));
        s.agency().ifPresent(a -> p.add(a.value()));
        if (withSmallest) {
            p.add(s.year().buddhistEra());
            p.add(s.part().code());
            p.add(s.part().fewestShown());
        }
        return p.toArray();
    }

    /** Streams the rows of the scope, in export order, through a read-only cursor. */
    void each(Scope s, Consumer<Response> sink) {
        // the IIT and EIT part 2 are anonymous by construction: no day, in the order of their random ids, and no agency's
        // shown one by one below the part's smallest count, whoever asks
        boolean iit = s.part() != SurveyPart.EIT_PUBLIC;
        String columns = iit ? "agency_code, cast(answers as text)"
                : "agency_code, cast(answers as text), answered_on, seconds_to_complete, identical_answers, burst";
        String sql = "select " + columns + " from survey_response where fiscal_year = ? and part = ?"
                + (s.agency().isPresent() ? " and agency_code = ?" : "")
                + (iit ? " and agency_code in (select agency_code from survey_response where fiscal_year = ? and part = ?"
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

    /** The value of a column in a response: an option code, a day, a signal; null when there is none. */
    private static Object value(ExportColumns.Column c, Response r) {
        return switch (c.kind()) {
            case AGENCY -> r.agency();
            case DAY -> r.answeredOn();
            case ANSWER -> r.answers().get(c.key());
            case SECONDS -> r.seconds();
            case IDENTICAL -> r.identical();
            case BURST -> r.burst();
        };
    }

    private static List<String> cells(ExportColumns columns, Response r) {
        List<String> c = new ArrayList<>(columns.all().size());
        for (ExportColumns.Column col : columns.all()) {
            Object v = value(col, r);
            c.add(v == null ? "" : v.toString());
        }
        return c;
    }

    /** Writes the CSV (UTF-8 with a byte-order mark, through {@link CsvOut}); returns the number of rows. */
    int csv(Scope s, Locale locale, OutputStream out) throws IOException {
        ExportColumns columns = columns(s, locale);
        CsvOut csv = CsvOut.to(out);
        csv.row(columns.headers());
        int[] n = {0};
        each(s, r -> {
            try {
                csv.row(cells(columns, r));
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

    /**
     * Writes the XLSX with POI's streaming workbook: the responses (numeric option codes, seconds and bursts as
     * numbers), then a sheet saying what each column is and a sheet of each scale's options and their labels. Returns
     * the number of rows.
     */
    int xlsx(Scope s, Locale locale, OutputStream out) throws IOException {
        ExportColumns columns = columns(s, locale);
        SXSSFWorkbook wb = new SXSSFWorkbook(XLSX_WINDOW);
        wb.setCompressTempFiles(true);
        try {
            Sheet sheet = wb.createSheet(text(switch (s.part()) {
                case IIT -> "surveys.export.sheet.iit";
                case EIT_PUBLIC -> "surveys.export.sheet.eit";
                case EIT_SURVEY -> "surveys.export.sheet.survey";
            }, locale));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setFont(font);
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            Row head = sheet.createRow(0);
            head.setHeightInPoints(60);
            List<String> header = columns.headers();
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(wrap);
                sheet.setColumnWidth(i, 256 * (i == 0 ? 14 : 22));
            }
            sheet.createFreezePane(1, 1);
            List<ExportColumns.Column> all = columns.all();
            int[] n = {0};
            each(s, r -> {
                Row row = sheet.createRow(++n[0]);
                for (int i = 0; i < all.size(); i++) {
                    Object v = value(all.get(i), r);
                    if (v instanceof Integer number) {
                        row.createCell(i).setCellValue(number);
                    } else if (v instanceof String text && ExportColumns.numeric(text) && all.get(i).kind() == ExportColumns.Kind.ANSWER) {
                        row.createCell(i).setCellValue(Long.parseLong(text));
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            });
            ExportLegend.write(wb, columns, s, bold, wrap, (key, args) -> messages.getMessage(key, args, locale));
            wb.write(out);
            out.flush();
            return n[0];
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
