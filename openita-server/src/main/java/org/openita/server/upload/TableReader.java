package org.openita.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
import org.openita.server.upload.internal.WorkbookCheck;
import org.openita.server.web.TextInput;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads a table, CSV (UTF-8 with or without BOM, or Windows-874 as Thai Excel saves it, decided from the bytes by
 * {@link TextEncoding}; other bytes refused) or the first sheet of an XLSX workbook, row by row without
 * holding it in memory, and refuses it as soon as it passes a limit: {@link #MAX_ROWS} data rows,
 * {@link #MAX_COLUMNS} columns, {@link #MAX_ROW_BYTES} per row, Excel's own limit per cell, and for a
 * workbook the expanded size of each part ({@link WorkbookCheck}, before any XML is parsed). Rows come out
 * numbered as a spreadsheet shows them (the header is row 1); blank rows are skipped. A CSV cell that
 * {@link org.openita.server.web.CsvOut} wrote as text behind an apostrophe (a would-be formula) reads back
 * without it.
 */
public final class TableReader {

    /** Data rows a table may hold: a national year is about 8,300 agencies. */
    public static final int MAX_ROWS = 50_000;
    /** Columns a table may have: the widest results template has about 110. */
    public static final int MAX_COLUMNS = 300;
    /** Bytes one row may take; a real row is under 2 KB. */
    public static final int MAX_ROW_BYTES = 64 * 1024;
    /** Characters an XLSX cell may hold, Excel's own limit. */
    public static final int MAX_XLSX_CELL_CHARS = 32_767;

    /** The kinds of table. */
    public enum Kind {
        CSV, XLSX
    }

    /** Receives the header, then each non-blank row in order. */
    public interface Sink {
        void header(List<String> columns);

        void row(int number, List<String> cells);
    }

    private final Path file;
    private final Kind kind;
    private volatile DoubleSupplier progress = () -> 0;
    private volatile TextEncoding encoding;

    public TableReader(Path file, Kind kind) {
        this.file = file;
        this.kind = kind;
    }

    /** How much of the file has been read, from 0 to 1. */
    public double progress() {
        return Math.min(1, progress.getAsDouble());
    }

    /** The encoding a CSV was read in, once {@link #read} has decided it; null for a workbook. */
    public TextEncoding encoding() {
        return encoding;
    }

    /** A value as a message quotes it: at most 60 characters, control characters spelled out. */
    public static String quoted(String value) {
        return TextInput.quote(value, 60);
    }

    /** A limit passed inside a parser's callback. */
    private static final class LimitException extends RuntimeException {
        final String th;

        LimitException(String th, String en) {
            super(en);
            this.th = th;
        }
    }

    /**
     * A reader of UTF-8 text that skips a leading byte-order mark and refuses bytes that are not UTF-8 (an overlong
     * form, a surrogate, a stray byte) with {@link java.nio.charset.CharacterCodingException}, rather than reading them
     * as U+FFFD or, as some parsers do, as the character an overlong form spells (C0 80 as U+0000).
     */
    public static java.io.Reader strictUtf8(InputStream in) throws IOException {
        return new InputStreamReader(org.apache.commons.io.input.BOMInputStream.builder().setInputStream(in).get(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Reads the table into {@code sink}; a limit passed or a damaged file ends it with the reason. */
    public void read(Sink sink) throws IOException {
        Sink limited = new Sink() {
            int rows;

            @Override
            public void header(List<String> columns) {
                if (columns.size() > MAX_COLUMNS) {
                    throw new LimitException("หัวตารางมีมากกว่า " + MAX_COLUMNS + " คอลัมน์ ให้ใช้แบบฟอร์มของระบบ",
                            "the header has more than " + MAX_COLUMNS + " columns; use the template");
                }
                List<String> cleaned = columns.stream().map(TableReader::clean).toList();
                try {
                    sink.header(cleaned);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }

            @Override
            public void row(int number, List<String> cells) {
                if (++rows > MAX_ROWS) {
                    throw new LimitException("ไฟล์มีข้อมูลมากกว่า " + MAX_ROWS + " แถว แบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์",
                            "the file has more than " + MAX_ROWS + " data rows; split it and import the parts one by one");
                }
                if (cells.size() > MAX_COLUMNS) {
                    throw new LimitException("แถวที่ " + number + " มีมากกว่า " + MAX_COLUMNS + " ช่อง",
                            "row " + number + " has more than " + MAX_COLUMNS + " cells");
                }
                try {
                    sink.row(number, cells);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        };
        try {
            if (kind == Kind.CSV) {
                csv(limited);
            } else {
                xlsx(limited);
            }
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException e) {
            UnreadableFileException cause = unreadable(e);
            if (cause != null) {
                throw cause;
            }
            throw e;
        } finally {
            double done = progress();
            progress = () -> done;
        }
    }

    /**
     * A failure of the sink (the importer's own code, e.g. the database), carried through the parser so that it is
     * not taken for a damaged file: it ends the read as it is.
     */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** The failure of the sink, when it is what ended a parser (parsers may wrap what their callbacks throw). */
    private static SinkFailure sinkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SinkFailure f) {
                return f;
            }
        }
        return null;
    }

    /** The reason a parser failed, when it is one of ours (a limit, or a damaged part) somewhere in its causes. */
    public static UnreadableFileException unreadable(Throwable e) {
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

    /** A row of spaces only; a refused character is not a space (the importer reports it). */
    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || (c.isBlank() && TextInput.firstRefused(c) < 0));
    }

    /**
     * Reads the CSV in the encoding its bytes show ({@link TextEncoding#detect}): UTF-8, a leading byte-order mark
     * skipped before the parser sees it (so that a quoted first header is read as one), or Windows-874. Bytes the
     * chosen encoding does not define are refused rather than read as U+FFFD, which would import question marks.
     */
    private void csv(Sink sink) throws IOException {
        long size = Files.size(file);
        TextEncoding detected = TextEncoding.detect(file);
        encoding = detected;
        try (RowLimitedStream in = new RowLimitedStream(Files.newInputStream(file));
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
                     .parse(detected.reader(in))) {
            progress = () -> size <= 0 ? 0 : (double) in.bytesRead() / size;
            Iterator<CSVRecord> it = parser.iterator();
            boolean header = true;
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                int number = (int) rec.getRecordNumber();
                in.rowEnded(number);
                List<String> cells = rec.stream().map(org.openita.server.web.CsvOut::readBack).toList();
                if (blank(cells)) {
                    continue;
                }
                if (header) {
                    sink.header(cells);
                    header = false;
                } else {
                    sink.row(number, cells);
                }
            }
            if (header) {
                sink.header(List.of());
            }
        } catch (UncheckedIOException e) {
            UnreadableFileException limit = unreadable(e);
            if (limit != null) {
                throw limit;
            }
            if (e.getCause() instanceof CharacterCodingException) {
                throw notText(e);
            }
            String why = quoted(e.getCause().getMessage());
            throw new UnreadableFileException("อ่านไฟล์ CSV ไม่ได้: " + why, "the CSV file cannot be read: " + why, e);
        } catch (CharacterCodingException e) {
            throw notText(e);
        }
    }

    /** The reason for bytes the decided encoding refuses after all (the file changed while it was read). */
    private static UnreadableFileException notText(Throwable cause) {
        return TextEncoding.neither("อ่านไฟล์ไม่ได้ตลอดทั้งไฟล์", "it could not be read to the end", cause);
    }

    private void xlsx(Sink sink) throws IOException {
        WorkbookCheck.check(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            RowCollector rows = new RowCollector(sink);
            if (sheets.hasNext()) {
                InputStream raw = sheets.next();
                long size = sheets.getSheetPart().getSize();
                try (org.apache.commons.io.input.BoundedInputStream sheet = org.apache.commons.io.input.BoundedInputStream.builder()
                        .setInputStream(raw).get()) {
                    progress = () -> size <= 0 ? 0 : (double) sheet.getCount() / size;
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new CellTextLimit(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            rows, new DataFormatter(Locale.ROOT), false)));
                    parser.parse(new InputSource(sheet));
                }
            }
            if (!rows.headerSeen) {
                sink.header(List.of());
            }
            progress = () -> 1;
        } catch (UnreadableFileException e) {
            throw e;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException | RuntimeException e) {
            // whatever POI throws on a damaged workbook (its own zip-bomb ratio, a shared string or style that does not
            // exist, a part that is not XML...) means the file cannot be read; what the sink threw is passed on as it is
            SinkFailure sinkFailure = sinkFailure(e);
            if (sinkFailure != null) {
                throw sinkFailure;
            }
            UnreadableFileException limit = unreadable(e);
            if (limit != null) {
                throw limit;
            }
            throw new UnreadableFileException("ไฟล์นี้ไม่ใช่สมุดงาน XLSX ที่อ่านได้", "the file is not a readable XLSX workbook", e);
        }
    }

    /** Refuses a cell whose text passes {@link #MAX_XLSX_CELL_CHARS} before the reader has buffered it all. */
    private static final class CellTextLimit extends XMLFilterImpl {
        private int chars;
        private String cell = "";

        CellTextLimit(ContentHandler next) {
            setContentHandler(next);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
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

    /** Turns the SAX reader's cells into rows; the first non-blank row is the header. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private final List<String> current = new ArrayList<>();
        private boolean headerSeen;
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
            if (blank(current)) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                sink.header(List.copyOf(current));
            } else {
                sink.row(rowNumber, List.copyOf(current));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? current.size() : new org.apache.poi.ss.util.CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                throw new LimitException("เซลล์ " + quoted(reference) + " อยู่เลยคอลัมน์ที่ " + MAX_COLUMNS + " ให้ใช้แบบฟอร์มของระบบ",
                        "cell " + quoted(reference) + " lies beyond column " + MAX_COLUMNS + "; use the template");
            }
            while (current.size() < column) {
                current.add("");
            }
            String value = formattedValue == null ? "" : formattedValue;
            if (column < current.size()) {
                current.set(column, value);
            } else {
                current.add(value);
            }
        }
    }

    private static String clean(String header) {
        return header == null ? "" : TextInput.trim(header.replace("\uFEFF", ""));
    }
}
