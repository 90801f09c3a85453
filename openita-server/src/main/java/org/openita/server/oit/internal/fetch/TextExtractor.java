package org.openita.server.oit.internal.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openita.server.oit.internal.fetch.DocumentText.Kind;

/**
 * Reads the text out of fetched bytes: HTML (jsoup, in the page's own charset; Thai sites still serve TIS-620 and
 * windows-874), PDF (PDFBox, first pages only), DOCX and XLSX (POI, with its zip-bomb checks left on) and plain text.
 */
final class TextExtractor {

    /** Text beyond this many characters is not read. */
    static final int MAX_CHARS = 2_000_000;
    /** PDF pages beyond this are not read. */
    static final int MAX_PDF_PAGES = 100;
    private static final long PDF_MEMORY = 256L << 20;
    private static final Charset THAI_WINDOWS = Charset.forName("x-windows-874");
    private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

    private TextExtractor() {
    }

    static DocumentText read(String contentType, String path, byte[] body) {
        Kind kind = kindOf(contentType, path, body);
        try {
            switch (kind) {
                case HTML:
                    return html(body);
                case PDF:
                    return pdf(body);
                case DOCX:
                    return docx(body);
                case XLSX:
                    return xlsx(body);
                case TEXT:
                    return new DocumentText(kind, null, cap(decode(body, null)));
                default:
                    return new DocumentText(Kind.OTHER, null, "");
            }
        } catch (IOException | RuntimeException e) {
            // a damaged or hostile file: no text, which the pre-check reports as such
            return new DocumentText(kind, null, "");
        }
    }

    static Kind kindOf(String contentType, String path, byte[] body) {
        String type = contentType == null ? "" : contentType;
        String name = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (startsWith(body, "%PDF") || type.equals("application/pdf")) {
            return Kind.PDF;
        }
        boolean zip = startsWith(body, "PK\u0003\u0004");
        if (type.contains("wordprocessingml") || zip && name.endsWith(".docx")) {
            return Kind.DOCX;
        }
        if (type.contains("spreadsheetml") || zip && name.endsWith(".xlsx")) {
            return Kind.XLSX;
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return Kind.HTML;
        }
        if (type.equals("text/plain") || type.equals("text/csv")) {
            return Kind.TEXT;
        }
        if (zip) {
            return Kind.OTHER;
        }
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (head.contains("<html") || head.contains("<!doctype html")) {
                return Kind.HTML;
            }
            if (name.endsWith(".txt") || name.endsWith(".csv")) {
                return Kind.TEXT;
            }
        }
        return Kind.OTHER;
    }

    private static DocumentText html(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        Document doc = Jsoup.parse(decode(body, m.find() ? m.group(1) : null));
        String title = doc.title().isBlank() ? null : doc.title().strip();
        return new DocumentText(Kind.HTML, title, cap(doc.body() == null ? "" : doc.body().text()));
    }

    private static DocumentText pdf(byte[] body) throws IOException {
        try (PDDocument doc = Loader.loadPDF(body, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(PDF_MEMORY).streamCache)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(doc.getNumberOfPages(), MAX_PDF_PAGES));
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            return new DocumentText(Kind.PDF, blankToNull(title), cap(stripper.getText(doc)));
        }
    }

    private static DocumentText docx(byte[] body) throws IOException {
        if (!ZipBudget.within(body)) {
            return new DocumentText(Kind.DOCX, null, "");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String title = doc.getProperties().getCoreProperties().getTitle();
            return new DocumentText(Kind.DOCX, blankToNull(title), cap(extractor.getText()));
        }
    }

    private static DocumentText xlsx(byte[] body) throws IOException {
        if (!ZipBudget.within(body)) {
            return new DocumentText(Kind.XLSX, null, "");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body));
             XSSFExcelExtractor extractor = new XSSFExcelExtractor(book)) {
            extractor.setFormulasNotResults(false);
            String title = book.getProperties().getCoreProperties().getTitle();
            return new DocumentText(Kind.XLSX, blankToNull(title), cap(extractor.getText()));
        }
    }

    /**
     * The bytes as text: a byte-order mark first, then the declared charset (TIS-620 and ISO-8859-11 read as their
     * superset windows-874), then UTF-8 if the bytes are valid UTF-8, else windows-874, the usual Thai legacy charset.
     */
    static String decode(byte[] body, String declared) {
        if (startsWith(body, "\u00EF\u00BB\u00BF")) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        Charset charset = charset(declared);
        if (charset != null) {
            return new String(body, charset);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, THAI_WINDOWS);
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("tis-620") || n.equals("tis620") || n.equals("iso-8859-11") || n.equals("windows-874")
                || n.equals("x-windows-874") || n.equals("cp874")) {
            return THAI_WINDOWS;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] body, String magic) {
        if (body.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((body[i] & 0xff) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String cap(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
