package org.openita.server.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.openita.server.results.internal.OfficialResultColumns;
import org.openita.server.upload.RowLimitedStream;
import org.openita.server.results.internal.OfficialResultColumns;
import org.openita.server.upload.TableReader;
import org.openita.server.results.internal.OfficialResultColumns;
import org.openita.server.upload.TextEncoding;
import org.openita.server.results.internal.OfficialResultColumns;
import org.openita.server.upload.UnreadableFileException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an official-results file row by row without holding it in memory: CSV or XLSX through
 * {@link TableReader}, or the JSON of {@code openita score} (one result or an array of them). Every format
 * comes out as rows of template columns, numbered as the user sees them (the header is row 1; in JSON the
 * first result is row 1), within the same limits.
 */
public final class ResultFile {

    /** The formats, by file name. */
    public enum Format {
        CSV, XLSX, JSON;

        public static Optional<Format> of(String fileName) {
            String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return Optional.of(CSV);
            }
            if (n.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
            if (n.endsWith(".json")) {
                return Optional.of(JSON);
            }
            return Optional.empty();
        }
    }

    /** Receives the header, then each row in order. */
    interface Sink {
        void header(List<String> columns);

        void row(int number, Map<String, String> cells);
    }

    private static final JsonMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(16).maxStringLength(TableReader.MAX_XLSX_CELL_CHARS).maxNumberLength(64).maxNameLength(256)
                            .maxDocumentLength(ResultImports.MAX_BYTES).build())
                    .build())
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final Path file;
    private final Format format;
    private volatile DoubleSupplier progress = () -> 0;
    private volatile TextEncoding encoding;

    ResultFile(Path file, Format format) {
        this.file = file;
        this.format = format;
    }

    /** How much of the file has been read, from 0 to 1. */
    double progress() {
        return Math.min(1, progress.getAsDouble());
    }

    /** The encoding a CSV file was read in (UTF-8 or Windows-874), once it is decided; null for XLSX and JSON. */
    TextEncoding encoding() {
        return encoding;
    }

    /**
     * Reads the file into {@code sink}, refusing it as soon as it passes a limit (see {@link TableReader}; a JSON
     * file has the same limits on rows and bytes per result).
     */
    void read(Sink sink) throws IOException {
        if (format == Format.JSON) {
            try {
                json(sink);
            } finally {
                double done = progress();
                progress = () -> done;
            }
            return;
        }
        TableReader table = new TableReader(file, format == Format.CSV ? TableReader.Kind.CSV : TableReader.Kind.XLSX);
        progress = table::progress;
        List<List<String>> header = new ArrayList<>(1);
        table.read(new TableReader.Sink() {
            @Override
            public void header(List<String> columns) {
                encoding = table.encoding();
                header.add(columns);
                sink.header(columns);
            }

            @Override
            public void row(int number, List<String> cells) {
                sink.row(number, cells(header.get(0), cells));
            }
        });
    }

    /** A value as a message quotes it: short, with control characters spelled out. */
    static String quoted(String value) {
        return TableReader.quoted(value);
    }

    /** JSON is UTF-8 text (RFC 8259): the reason names JSON, not the CSV a spreadsheet saves. */
    private static UnreadableFileException notUtf8(Throwable cause) {
        return new UnreadableFileException("ไฟล์ JSON ไม่ได้บันทึกเป็น UTF-8 (มีไบต์ที่ไม่ใช่อักขระ UTF-8) ให้บันทึกไฟล์เป็น UTF-8 แล้วนำเข้าอีกครั้ง",
                "the JSON file is not UTF-8 text (it holds bytes that are not UTF-8 characters); save it as UTF-8 and import it again", cause);
    }

    private void json(Sink sink) throws IOException {
        sink.header(List.of(OfficialResultColumns.CODE, OfficialResultColumns.NAME, OfficialResultColumns.YEAR));
        long size = Files.size(file);
        // read as strict UTF-8 (RFC 8259): Jackson's own decoder takes overlong forms, C0 80 as U+0000
        try (RowLimitedStream in = new RowLimitedStream(Files.newInputStream(file)); JsonParser p = JSON.createParser(TableReader.strictUtf8(in))) {
            progress = () -> size <= 0 ? 0 : (double) in.bytesRead() / size;
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                sink.row(1, fromJson(JSON.readTree(p)));
            } else if (first == JsonToken.START_ARRAY) {
                int n = 0;
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.START_OBJECT) {
                    in.rowEnded(n);
                    if (n >= TableReader.MAX_ROWS) {
                        throw new UnreadableFileException("ไฟล์มีผลคะแนนมากกว่า " + TableReader.MAX_ROWS + " รายการ แบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์",
                                "the file has more than " + TableReader.MAX_ROWS + " results; split it and import the parts one by one", null);
                    }
                    sink.row(++n, fromJson(JSON.readTree(p)));
                }
                if (next != JsonToken.END_ARRAY) {
                    // an array, a number or a string where a result goes: refused, not the rest of the file silently skipped
                    throw new UnreadableFileException("รายการที่ " + (n + 1) + " ในอาร์เรย์ไม่ใช่ผลคะแนน (ต้องเป็นออบเจกต์ { ... })",
                            "item " + (n + 1) + " of the array is not a result (it must be an object { ... })", null);
                }
            } else {
                throw new UnreadableFileException("ไฟล์ JSON ต้องเป็นผลคะแนนหนึ่งรายการหรืออาร์เรย์ของผลคะแนน",
                        "the JSON file must be one result or an array of results", null);
            }
        } catch (JacksonException e) {
            UnreadableFileException limit = TableReader.unreadable(e);
            if (limit != null) {
                throw limit;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.nio.charset.CharacterCodingException) {
                    throw notUtf8(e);
                }
            }
            String why = quoted(e.getOriginalMessage());
            throw new UnreadableFileException("อ่านไฟล์ JSON ไม่ได้: " + why, "the JSON file cannot be read: " + why, e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8(e);
        }
    }

    /**
     * One result of {@code openita score} (or a score input) as template columns: the published overall and
     * level when given, else the computed ones; per-question and per-item scores when present.
     */
    static Map<String, String> fromJson(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode agency = n.path("agency");
        m.put(OfficialResultColumns.NAME, agency.isObject() ? agency.path("name").asString("") : agency.asString(""));
        m.put(OfficialResultColumns.CODE, n.path("agencyCode").asString(""));
        m.put(OfficialResultColumns.YEAR, n.path("year").asString(""));
        // a figure openita score marked as computed is not an announced one, so it is not imported as one
        String overall = n.hasNonNull("publishedOverall") ? n.get("publishedOverall").asString()
                : "computed".equals(n.path("overallSource").asString("")) ? "" : n.path("overall").asString("");
        m.put(OfficialResultColumns.OVERALL, overall);
        String level = n.hasNonNull("publishedLevel") ? n.get("publishedLevel").asString()
                : "computed".equals(n.path("levelSource").asString("")) ? "" : n.path("level").asString("");
        m.put(OfficialResultColumns.LEVEL, level);
        // likewise a tool or indicator figure that openita score recomputed (figureSources says "computed")
        JsonNode sources = n.path("figureSources");
        n.path("tools").properties().forEach(e -> m.put(OfficialResultColumns.tool(e.getKey()), announced(e.getValue(), sources.path(e.getKey()))));
        n.path("indicators").properties().forEach(e -> m.put("ตัวชี้วัดที่ " + e.getKey(),
                announced(e.getValue(), sources.path(e.getKey()))));
        n.path("questions").properties().forEach(e -> m.put(e.getKey(), e.getValue().isObject()
                ? e.getValue().path("score").asString("") : e.getValue().asString("")));
        n.path("oit").properties().forEach(e -> m.put(e.getKey(), e.getValue().isObject()
                ? e.getValue().path("score").asString("") : e.getValue().asString("")));
        return m;
    }

    /** The figure as text, or "" when it is absent or was marked as recomputed rather than announced. */
    private static String announced(JsonNode value, JsonNode source) {
        if (value.isNull() || value.isMissingNode() || "computed".equals(source.asString(""))) {
            return "";
        }
        return value.asString();
    }

    private static Map<String, String> cells(List<String> header, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), i < values.size() && values.get(i) != null ? org.openita.server.web.TextInput.trim(values.get(i)) : "");
        }
        return m;
    }
}
