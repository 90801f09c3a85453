package org.openita.server.web;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the server writes goes through here: Commons CSV's printer (RFC 4180 quoting, CRLF line ends),
 * UTF-8 with a byte-order mark so Excel reads Thai, and a cell policy against formula injection: a cell a
 * spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so it is shown as text; plain numbers such as -1.5 stay numbers.
 */
public final class CsvOut implements Flushable, Closeable {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final CSVPrinter printer;

    private CsvOut(OutputStream out) throws IOException {
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        this.printer = new CSVPrinter(w, FORMAT);
    }

    /** Starts a CSV on the stream (writes the byte-order mark). Flush when done; closing closes the stream. */
    public static CsvOut to(OutputStream out) throws IOException {
        return new CsvOut(out);
    }

    /** A whole CSV in memory: the header, then the rows. */
    public static byte[] of(List<String> header, List<? extends List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOut csv = to(out)) {
            csv.row(header);
            for (List<String> row : rows) {
                csv.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes one record, each cell through {@link #cell(String)}; null is an empty cell. */
    public CsvOut row(List<String> cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.size());
        for (String c : cells) {
            safe.add(cell(c));
        }
        printer.printRecord(safe);
        return this;
    }

    /** The cell as written: a would-be formula behind an apostrophe, anything else as it is. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        // a value that already looks like an escaped formula gets one more apostrophe, so readBack restores it exactly
        return wouldRun(value) || (value.charAt(0) == '\'' && !cell(value.substring(1)).equals(value.substring(1))) ? "'" + value : value;
    }

    private static boolean wouldRun(String value) {
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !PLAIN_NUMBER.matcher(value).matches();
    }

    /**
     * A cell read back from a CSV we wrote: the apostrophe {@link #cell(String)} put before a would-be formula is
     * taken off, so an exported registry imports back unchanged. Any other value is returned as it is.
     */
    public static String readBack(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '\'') {
            return value;
        }
        String rest = value.substring(1);
        return cell(rest).equals(value) ? rest : value;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
