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

    /** Data rows a file may hold: a national year is about 8,300. */
    static final int MAX_ROWS = 50_000;
    /** Columns a header may name: the widest year's template has about 110. */
    static final int MAX_COLUMNS = 300;
    /** Bytes one row (a CSV record, a JSON result) may take; a real row is under 2 KB. */
    static final int MAX_ROW_BYTES = 64 * 1024;
    /** Characters an XLSX cell may hold, Excel's own limit; the import refuses far shorter values with a row problem. */
    static final int MAX_XLSX_CELL_CHARS = 32_767;

    private static final JsonMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(16).maxStringLength(MAX_XLSX_CELL_CHARS).maxNumberLength(64).maxNameLength(256)
                            .maxDocumentLength(ResultImports.MAX_BYTES).build())
                    .build())
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

    /**
     * Reads the file into {@code sink}, refusing it as soon as it goes over a limit (rows, columns, bytes per
     * row, a workbook's expanded size); the reason names the row or part.
     */
    void read(Sink sink) throws IOException {
        Sink limited = new Sink() {
            int rows;

            @Override
            public void header(List<String> columns) {
                if (columns.size() > MAX_COLUMNS) {
                    throw new LimitException("หัวตารางมีมากกว่า " + MAX_COLUMNS + " คอลัมน์ ให้ใช้แบบฟอร์มของระบบ",
                            "the header has more than " + MAX_COLUMNS + " columns; use the template");
                }
                sink.header(columns);
            }

            @Override
            public void row(int number, Map<String, String> cells) {
                if (++rows > MAX_ROWS) {
                    throw new LimitException("ไฟล์มีข้อมูลมากกว่า " + MAX_ROWS + " แถว แบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์",
                            "the file has more than " + MAX_ROWS + " data rows; split it and import the parts one by one");
                }
                sink.row(number, cells);
            }
        };
        try {
            switch (format) {
                case CSV -> csv(limited);
                case XLSX -> xlsx(limited);
                case JSON -> json(limited);
                default -> throw new IllegalStateException();
            }
        } catch (LimitException e) {
            throw new UnreadableFileException(e.th, e.getMessage(), null);
        } catch (RuntimeException e) {
            UnreadableFileException cause = unreadableCause(e);
            if (cause != null) {
                throw cause;
            }
            throw e;
        } finally {
            double done = progress();
            progress = () -> done;
        }
    }

    /** A limit passed while reading, from inside a parser's callback. */
    static final class LimitException extends RuntimeException {
        final String th;

        LimitException(String th, String en) {
            super(en);
            this.th = th;
        }
    }

    private static UnreadableFileException unreadableCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException u) {
                return u;
            }
            if (t instanceof LimitException l) {
                return new UnreadableFileException(l.th, l.getMessage(), null);
            }
        }
        return null;
    }

    /** A value as a message quotes it: short, with control characters spelled out. */
    static String quoted(String value) {
        return org.openita.server.web.TextInput.quote(value, 60);
    }

    private RowLimitedStream counted(InputStream in, long size) {
        RowLimitedStream counting = new RowLimitedStream(in);
        progress = () -> size <= 0 ? 0 : (double) counting.read / size;
        return counting;
    }

    /**
     * Counts what is read for the progress bar, and refuses a row (a CSV record, a JSON result) longer than
     * {@link #MAX_ROW_BYTES} (line breaks aside): the parsers read ahead, so the count may run up to a buffer or two
     * ahead of the row.
     */
    static final class RowLimitedStream extends java.io.FilterInputStream {
        /** Bytes read, for the progress bar. */
        long read;
        /** Bytes read other than line breaks, so that the blank lines the CSV reader skips count against no row. */
        private long count;
        private long rowStart;
        int lastRow;

        RowLimitedStream(InputStream in) {
            super(in);
        }

        /** A row ended: the next one starts its own budget. */
        void rowEnded(int row) {
            rowStart = count;
            lastRow = row;
        }

        private void check() throws UnreadableFileException {
            if (count - rowStart > MAX_ROW_BYTES + 32 * 1024) {
                throw new UnreadableFileException("แถวที่ " + (lastRow + 1) + " ยาวเกิน " + MAX_ROW_BYTES / 1024 + " KB ไฟล์นี้ไม่ใช่ผลการประเมินตามแบบฟอร์ม",
                        "row " + (lastRow + 1) + " is longer than " + MAX_ROW_BYTES / 1024 + " KB; this is not a results file in the template's shape", null);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
                count += b == '\n' || b == '\r' ? 0 : 1;
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                count += b[off + i] == '\n' || b[off + i] == '\r' ? 0 : 1;
            }
            read += Math.max(n, 0);
            check();
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            read += k;
            count += k;
            check();
            return k;
        }
    }

    private void csv(Sink sink) throws IOException {
        try (RowLimitedStream in = counted(Files.newInputStream(file), Files.size(file));
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                sink.header(List.of());
                return;
            }
            List<String> header = it.next().toList().stream().map(ResultFile::clean).toList();
            in.rowEnded(1);
            sink.header(header);
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                int number = (int) rec.getRecordNumber();
                in.rowEnded(number);
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (rec.size() > MAX_COLUMNS) {
                    throw new LimitException("แถวที่ " + number + " มีมากกว่า " + MAX_COLUMNS + " ช่อง",
                            "row " + number + " has more than " + MAX_COLUMNS + " cells");
                }
                sink.row(number, cells(header, rec.toList()));
            }
        } catch (java.io.UncheckedIOException e) {
            UnreadableFileException limit = unreadableCause(e);
            if (limit != null) {
                throw limit;
            }
            String why = quoted(e.getCause().getMessage());
            throw new UnreadableFileException("อ่านไฟล์ CSV ไม่ได้: " + why, "the CSV file cannot be read: " + why, e);
        }
    }

    private void xlsx(Sink sink) throws IOException {
        WorkbookCheck.check(file);
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
                parser.setContentHandler(new CellTextLimit(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new RowCollector(sink), new DataFormatter(Locale.ROOT), false)));
                parser.parse(new InputSource(sheet));
            }
            progress = () -> 1;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
            throw new UnreadableFileException("ไฟล์นี้ไม่ใช่สมุดงาน XLSX ที่อ่านได้", "the file is not a readable XLSX workbook", e);
        }
    }

    /** Refuses a cell whose text is longer than {@link #MAX_XLSX_CELL_CHARS} before the reader has buffered it all. */
    private static final class CellTextLimit extends org.xml.sax.helpers.XMLFilterImpl {
        private int chars;
        private String cell = "";

        CellTextLimit(org.xml.sax.ContentHandler next) {
            setContentHandler(next);
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts) throws SAXException {
            if ("c".equals(localName) || "c".equals(qName)) {
                chars = 0;
                String r = atts.getValue("r");
                cell = r == null ? "" : r;
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            chars += length;
            if (chars > MAX_XLSX_CELL_CHARS) {
                throw new LimitException("เซลล์ " + quoted(cell) + " ยาวเกิน " + MAX_XLSX_CELL_CHARS + " ตัวอักษร",
                        "cell " + quoted(cell) + " is longer than " + MAX_XLSX_CELL_CHARS + " characters");
            }
            super.characters(ch, start, length);
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
            if (column >= MAX_COLUMNS) {
                throw new LimitException("เซลล์ " + quoted(reference) + " อยู่เลยคอลัมน์ที่ " + MAX_COLUMNS + " ให้ใช้แบบฟอร์มของระบบ",
                        "cell " + quoted(reference) + " lies beyond column " + MAX_COLUMNS + "; use the template");
            }
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : formattedValue);
        }
    }

    private void json(Sink sink) throws IOException {
        sink.header(List.of(OfficialResultColumns.CODE, OfficialResultColumns.NAME, OfficialResultColumns.YEAR));
        try (RowLimitedStream in = counted(Files.newInputStream(file), Files.size(file)); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                sink.row(1, fromJson(JSON.readTree(p)));
            } else if (first == JsonToken.START_ARRAY) {
                int n = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    in.rowEnded(n);
                    sink.row(++n, fromJson(JSON.readTree(p)));
                }
            } else {
                throw new UnreadableFileException("ไฟล์ JSON ต้องเป็นผลคะแนนหนึ่งรายการหรืออาร์เรย์ของผลคะแนน",
                        "the JSON file must be one result or an array of results", null);
            }
        } catch (JacksonException e) {
            UnreadableFileException limit = unreadableCause(e);
            if (limit != null) {
                throw limit;
            }
            String why = quoted(e.getOriginalMessage());
            throw new UnreadableFileException("อ่านไฟล์ JSON ไม่ได้: " + why, "the JSON file cannot be read: " + why, e);
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
