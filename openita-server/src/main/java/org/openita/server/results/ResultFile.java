package org.openita.server.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an official-results file row by row without holding it in memory: CSV (UTF-8, with or without
 * BOM), XLSX (first sheet, through POI's streaming SAX reader) or the JSON of {@code openita score}
 * (one result or an array of them). Every format comes out as rows of template columns, numbered as
 * the user sees them (the header is row 1; in JSON the first result is row 1).
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

    /** The file cannot be read at all (not CSV/XLSX/JSON, damaged); says so in both languages. */
    public static final class UnreadableFileException extends IOException {
        final String th;
        final String en;

        UnreadableFileException(String th, String en, Throwable cause) {
            super(en, cause);
            this.th = th;
            this.en = en;
        }

        public String th() {
            return th;
        }

        public String en() {
            return en;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final Path file;
    private final Format format;
    private volatile DoubleSupplier progress = () -> 0;

    ResultFile(Path file, Format format) {
        this.file = file;
        this.format = format;
    }

    /** How much of the file has been read, from 0 to 1. */
    double progress() {
        return Math.min(1, progress.getAsDouble());
    }

    void read(Sink sink) throws IOException {
        switch (format) {
            case CSV -> csv(sink);
            case XLSX -> xlsx(sink);
            case JSON -> json(sink);
            default -> throw new IllegalStateException();
        }
    }

    private BoundedInputStream counted(InputStream in, long size) throws IOException {
        BoundedInputStream counting = BoundedInputStream.builder().setInputStream(in).get();
        progress = () -> size <= 0 ? 0 : (double) counting.getCount() / size;
        return counting;
    }

    private void csv(Sink sink) throws IOException {
        try (InputStream in = counted(Files.newInputStream(file), Files.size(file));
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                sink.header(List.of());
                return;
            }
            List<String> header = it.next().toList().stream().map(ResultFile::clean).toList();
            sink.header(header);
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                sink.row((int) rec.getRecordNumber(), cells(header, rec.toList()));
            }
        } catch (java.io.UncheckedIOException e) {
            throw new UnreadableFileException("อ่านไฟล์ CSV ไม่ได้: " + e.getCause().getMessage(),
                    "the CSV file cannot be read: " + e.getCause().getMessage(), e);
        }
    }

    private void xlsx(Sink sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                sink.header(List.of());
                return;
            }
            InputStream raw = sheets.next();
            long size = sheets.getSheetPart().getSize();
            try (InputStream sheet = counted(raw, size)) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new RowCollector(sink), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
            progress = () -> 1;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
            throw new UnreadableFileException("ไฟล์นี้ไม่ใช่สมุดงาน XLSX ที่อ่านได้", "the file is not a readable XLSX workbook", e);
        }
    }

    /** Turns the SAX reader's cells into rows; the first non-empty row is the header. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private List<String> header;
        private final List<String> current = new ArrayList<>();
        private int rowNumber;

        RowCollector(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            current.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (current.stream().allMatch(String::isBlank)) {
                return;
            }
            if (header == null) {
                header = current.stream().map(ResultFile::clean).toList();
                sink.header(header);
            } else {
                sink.row(rowNumber, cells(header, current));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : formattedValue);
        }
    }

    private void json(Sink sink) throws IOException {
        sink.header(List.of(OfficialResultColumns.CODE, OfficialResultColumns.NAME, OfficialResultColumns.YEAR));
        try (InputStream in = counted(Files.newInputStream(file), Files.size(file)); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                sink.row(1, fromJson(JSON.readTree(p)));
            } else if (first == JsonToken.START_ARRAY) {
                int n = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    sink.row(++n, fromJson(JSON.readTree(p)));
                }
            } else {
                throw new UnreadableFileException("ไฟล์ JSON ต้องเป็นผลคะแนนหนึ่งรายการหรืออาร์เรย์ของผลคะแนน",
                        "the JSON file must be one result or an array of results", null);
            }
        } catch (JacksonException e) {
            throw new UnreadableFileException("อ่านไฟล์ JSON ไม่ได้: " + e.getOriginalMessage(),
                    "the JSON file cannot be read: " + e.getOriginalMessage(), e);
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
        String overall = n.hasNonNull("publishedOverall") ? n.get("publishedOverall").asString() : n.path("overall").asString("");
        m.put(OfficialResultColumns.OVERALL, overall);
        String level = n.hasNonNull("publishedLevel") ? n.get("publishedLevel").asString() : n.path("level").asString("");
        m.put(OfficialResultColumns.LEVEL, level);
        for (String[] t : OfficialResultColumns.TOOLS) {
            JsonNode v = n.path("tools").path(t[1]);
            m.put(t[0], v.isNull() || v.isMissingNode() ? "" : v.asString());
        }
        for (int i = 1; i <= 10; i++) {
            JsonNode v = n.path("indicators").path(Integer.toString(i));
            m.put(OfficialResultColumns.indicator(i), v.isNull() || v.isMissingNode() ? "" : v.asString());
        }
        n.path("questions").properties().forEach(e -> m.put(e.getKey(), e.getValue().isObject()
                ? e.getValue().path("score").asString("") : e.getValue().asString("")));
        n.path("oit").properties().forEach(e -> m.put(e.getKey(), e.getValue().isObject()
                ? e.getValue().path("score").asString("") : e.getValue().asString("")));
        return m;
    }

    private static Map<String, String> cells(List<String> header, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), i < values.size() && values.get(i) != null ? values.get(i).trim() : "");
        }
        return m;
    }

    private static String clean(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").trim();
    }
}
