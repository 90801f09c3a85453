package org.openita.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a table as the parts of an XLSX workbook by hand (no POI), so that each part can then be spoiled: cells as
 * shared or inline strings or numbers, refused characters written raw, as character references or as Excel's
 * {@code _xHHHH_} escapes.
 */
final class Xlsx {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

    static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String ROOT_RELS = "_rels/.rels";
    static final String WORKBOOK = "xl/workbook.xml";
    static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String STRINGS = "xl/sharedStrings.xml";
    static final String STYLES = "xl/styles.xml";

    private Xlsx() {
    }

    /** How a refused character (one XML may not hold) is written. */
    enum Escape {
        RAW, CHARACTER_REFERENCE, EXCEL
    }

    /** The parts of a workbook holding {@code table} on its one sheet, in a random but valid way. */
    static Map<String, byte[]> parts(List<List<String>> table, SplittableRandom r, StringBuilder d) {
        boolean shared = r.nextInt(100) < 65;
        boolean styles = r.nextInt(100) < 85;
        boolean cellRefs = r.nextInt(100) < 85;
        boolean rowNumbers = r.nextInt(100) < 85;
        boolean numbers = r.nextInt(100) < 50;
        Escape escape = Escape.values()[r.nextInt(3)];
        d.append("; xlsx ").append(shared ? "shared" : "inline").append(" strings").append(styles ? "" : ", no styles part")
                .append(cellRefs ? "" : ", cells without r").append(rowNumbers ? "" : ", rows without r")
                .append(numbers ? ", numbers as numbers" : "").append(", escape ").append(escape);
        List<String> strings = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
                .append(MAIN).append("\" xmlns:r=\"").append(REL).append("\"><sheetData>");
        for (int i = 0; i < table.size(); i++) {
            sheet.append(rowNumbers ? "<row r=\"" + (i + 1) + "\">" : "<row>");
            List<String> row = table.get(i);
            for (int j = 0; j < row.size(); j++) {
                String v = row.get(j);
                String ref = cellRefs ? " r=\"" + column(j) + (i + 1) + "\"" : "";
                if (v.isEmpty()) {
                    if (!cellRefs) {
                        // without references, cells are placed one after another: an empty one is written to keep its place
                        sheet.append("<c t=\"inlineStr\"><is><t></t></is></c>");
                    }
                    continue;
                }
                if (numbers && i > 0 && v.matches("-?[0-9]{1,9}(\\.[0-9]{1,6})?")) {
                    sheet.append("<c").append(ref).append(styles ? " s=\"0\"" : "").append("><v>").append(v).append("</v></c>");
                } else if (shared) {
                    Integer at = index.get(v);
                    if (at == null) {
                        at = strings.size();
                        strings.add(v);
                        index.put(v, at);
                    }
                    sheet.append("<c").append(ref).append(" t=\"s\"><v>").append(at).append("</v></c>");
                } else {
                    sheet.append("<c").append(ref).append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(text(v, escape))
                            .append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(CONTENT_TYPES, utf8(contentTypes(shared, styles)));
        parts.put(ROOT_RELS, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\""
                + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        parts.put(WORKBOOK, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL
                + "\"><sheets><sheet name=\"ผลการประเมิน\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put(WORKBOOK_RELS, utf8(workbookRels(shared, styles)));
        parts.put(SHEET, Bytes.utf8(sheet.toString()));
        if (shared) {
            StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"").append(MAIN)
                    .append("\" count=\"").append(strings.size()).append("\" uniqueCount=\"").append(strings.size()).append("\">");
            for (String s : strings) {
                sst.append("<si><t xml:space=\"preserve\">").append(text(s, escape)).append("</t></si>");
            }
            parts.put(STRINGS, Bytes.utf8(sst.append("</sst>").toString()));
        }
        if (styles) {
            parts.put(STYLES, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"1\"><font/></fonts>"
                    + "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                    + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>"));
        }
        return parts;
    }

    static String contentTypes(boolean shared, boolean styles) {
        String ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + ct + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + ct + "worksheet+xml\"/>"
                + (shared ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + ct + "sharedStrings+xml\"/>" : "")
                + (styles ? "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + ct + "styles+xml\"/>" : "")
                + "</Types>";
    }

    static String workbookRels(boolean shared, boolean styles) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + PKG_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (shared ? "<Relationship Id=\"rId2\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                + (styles ? "<Relationship Id=\"rId3\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>" : "")
                + "</Relationships>";
    }

    /** Column letters of a zero-based index: A, B, ... Z, AA ... */
    static String column(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** Text for an element, escaped for XML; a character XML cannot hold is written as {@code escape} says. */
    static String text(String v, Escape escape) {
        StringBuilder s = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
            if (pair) {
                s.append(c).append(v.charAt(++i));
            } else if (c == '&') {
                s.append("&amp;");
            } else if (c == '<') {
                s.append("&lt;");
            } else if (c == '>') {
                s.append("&gt;");
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
                switch (escape) {
                    case RAW -> s.append(c);
                    case CHARACTER_REFERENCE -> s.append("&#").append((int) c).append(';');
                    default -> s.append(String.format("_x%04X_", (int) c));
                }
            } else if (c == '\r') {
                s.append("&#13;");
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The parts in a ZIP archive, in their order. */
    static Zip zip(Map<String, byte[]> parts) {
        Zip z = new Zip();
        parts.forEach(z::add);
        return z;
    }

    /** A part of {@code size} spaces, deflated once and kept: a bomb costs its size to expand, not to make. */
    static Zip.Entry bomb(Zip zip, String name, long size) {
        Bomb b = BOMBS.computeIfAbsent(size, Xlsx::makeBomb);
        Zip.Entry e = zip.add(name, new byte[0]);
        e.deflated = b.deflated;
        e.crc = b.crc;
        e.declaredSize = size;
        return e;
    }

    private record Bomb(byte[] deflated, long crc) {
    }

    private static final Map<Long, Bomb> BOMBS = new ConcurrentHashMap<>();

    private static Bomb makeBomb(long size) {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        CRC32 crc = new CRC32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (long left = size; left > 0; ) {
            int n = (int) Math.min(chunk.length, left);
            crc.update(chunk, 0, n);
            d.setInput(chunk, 0, n);
            left -= n;
            if (left == 0) {
                d.finish();
            }
            while (!d.needsInput() || (left == 0 && !d.finished())) {
                int k = d.deflate(buf);
                out.write(buf, 0, k);
                if (k == 0 && d.needsInput() && left > 0) {
                    break;
                }
            }
        }
        d.end();
        return new Bomb(out.toByteArray(), crc.getValue());
    }
}
