package org.openita.report;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extra CIDs for one embedded Identity-H TrueType font: a CID that draws an existing glyph (through a
 * CIDToGIDMap stream) but reads back as another text, with the glyph's width. Glyph ids stay CIDs for every glyph
 * that keeps its own text. A glyph that must read as nothing gets a CID whose value is a Unicode format character
 * (Cf) where one is free: pdf.js ignores an empty ToUnicode entry and falls back to the code itself, and it drops
 * format characters from extracted text. Only the ํ the shaper cuts from ำ (and glyphs out of character order) read
 * as nothing; every other mark reads as itself (see {@link ClusterText}).
 *
 * <p>A CID whose glyph does not move the pen (a mark) is given a width of {@link #NUDGE} thousandths of an em,
 * and {@link ToUnicodeRepair} moves the pen back by as much right after it, so nothing moves on the page. pdfminer
 * needs that width: it starts a new text line between two glyphs that are both zero wide (two stacked marks, as in
 * "ซึ่ง"), and the word then comes out in two pieces.
 */
final class CidRemap {

    private static final PdfName IDENTITY_H = new PdfName("Identity-H");
    private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]*)>|\\[|\\]");

    private final PdfDictionary type0;
    private final PdfDictionary cidFont;
    private final java.awt.Font shaping;
    private final Map<Integer, String> toUnicode;
    private final Map<Integer, Integer> widths = new HashMap<>();
    private final int defaultWidth;
    private final Map<String, Integer> added = new LinkedHashMap<>();
    private final Map<Integer, Integer> gidOf = new TreeMap<>();
    private final Map<Integer, String> textOf = new TreeMap<>();
    private final Deque<Integer> silentCids = new ArrayDeque<>();
    private int nextCid;

    CidRemap(PdfDictionary type0, java.awt.Font shaping) throws IOException {
        this.type0 = type0;
        this.shaping = shaping;
        this.cidFont = (PdfDictionary) PdfReader.getPdfObject(
                ((PdfArray) PdfReader.getPdfObject(type0.get(PdfName.DESCENDANTFONTS))).getPdfObject(0));
        PdfObject tu = PdfReader.getPdfObject(type0.get(PdfName.TOUNICODE));
        toUnicode = tu instanceof PRStream s ? parseToUnicode(PdfReader.getStreamBytes(s)) : new HashMap<>();
        PdfNumber dw = (PdfNumber) PdfReader.getPdfObject(cidFont.get(PdfName.DW));
        defaultWidth = dw == null ? 1000 : dw.intValue();
        readWidths();
        nextCid = shaping.getNumGlyphs();
        for (int c = nextCid; c < 0xFFFE; c++) {
            if (Character.getType(c) == Character.FORMAT) {
                silentCids.add(c);
            }
        }
    }

    /** True for a font this class can extend: Type0, Identity-H, TrueType outlines with an identity CID map. */
    static boolean applies(PdfDictionary font) {
        if (!PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE)) || !IDENTITY_H.equals(font.get(PdfName.ENCODING))) {
            return false;
        }
        PdfArray descendants = (PdfArray) PdfReader.getPdfObject(font.get(PdfName.DESCENDANTFONTS));
        PdfDictionary cid = (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
        return PdfName.CIDFONTTYPE2.equals(cid.get(PdfName.SUBTYPE))
                && PdfName.IDENTITY.equals(PdfReader.getPdfObject(cid.get(PdfName.CIDTOGIDMAP)));
    }

    /** Whether the glyph moves the pen, by its width in the PDF font. */
    boolean advances(int gid) {
        return widths.getOrDefault(gid, defaultWidth) != 0;
    }

    java.awt.Font shaping() {
        return shaping;
    }

    /** The code to show for glyph {@code gid} so that it reads back as {@code text}. */
    int codeFor(int gid, String text) {
        if (text.equals(toUnicode.get(gid)) && advances(gid)) {
            return gid; // a mark gets a CID of its own, which carries the NUDGE width
        }
        return added.computeIfAbsent(gid + ":" + text, k -> {
            int cid = text.isEmpty() && !silentCids.isEmpty() ? silentCids.poll() : nextOrdinaryCid();
            if (cid < 0) {
                return gid;
            }
            gidOf.put(cid, gid);
            textOf.put(cid, text);
            return cid;
        });
    }

    private int nextOrdinaryCid() {
        while (nextCid < 0xFFFE && (Character.getType(nextCid) == Character.FORMAT || Character.isSurrogate((char) nextCid))) {
            nextCid++;
        }
        return nextCid < 0xFFFE ? nextCid++ : -1;
    }

    /**
     * Extra width of a mark's CID, in thousandths of an em, taken back in the TJ array after the glyph. Stacked marks
     * sit up to 59 thousandths apart in Sarabun (ื and ่); pdfminer keeps two glyphs on one line when they are less
     * than twice the wider one's width apart, so a third of that, with room to spare.
     */
    static final int NUDGE = 24;

    /** The width to take back after {@code code}: {@link #NUDGE} for a CID of a glyph that does not advance. */
    int nudge(int code) {
        Integer gid = gidOf.get(code);
        if (gid == null || advances(gid)) {
            return 0;
        }
        return NUDGE;
    }

    /** Writes the CIDToGIDMap, widths and ToUnicode entries of the added CIDs into the font. */
    void write(PdfReader reader) {
        if (gidOf.isEmpty()) {
            return;
        }
        int top = ((TreeMap<Integer, Integer>) gidOf).lastKey();
        byte[] map = new byte[2 * (top + 1)];
        for (int cid = 0; cid <= top; cid++) {
            int gid = gidOf.getOrDefault(cid, cid < shaping.getNumGlyphs() ? cid : 0);
            map[2 * cid] = (byte) (gid >> 8);
            map[2 * cid + 1] = (byte) gid;
        }
        PRStream cidToGid = new PRStream(reader, map);
        cidFont.put(PdfName.CIDTOGIDMAP, reader.addPdfObject(cidToGid));

        PdfArray w = (PdfArray) PdfReader.getPdfObject(cidFont.get(PdfName.W));
        if (w == null) {
            w = new PdfArray();
            cidFont.put(PdfName.W, w);
        }
        for (Map.Entry<Integer, Integer> e : gidOf.entrySet()) {
            int width = widths.getOrDefault(e.getValue(), defaultWidth) + nudge(e.getKey());
            if (width != defaultWidth) {
                w.add(new PdfNumber(e.getKey()));
                w.add(new PdfArray(new PdfNumber(width)));
            }
        }

        Map<Integer, String> all = new TreeMap<>(toUnicode);
        all.putAll(textOf);
        PdfObject tu = PdfReader.getPdfObject(type0.get(PdfName.TOUNICODE));
        byte[] cmap = toUnicodeCMap(all);
        if (tu instanceof PRStream s) {
            s.setData(cmap);
        } else {
            PRStream s = new PRStream(reader, cmap);
            type0.put(PdfName.TOUNICODE, reader.addPdfObject(s));
        }
    }

    private void readWidths() {
        PdfArray w = (PdfArray) PdfReader.getPdfObject(cidFont.get(PdfName.W));
        if (w == null) {
            return;
        }
        List<PdfObject> items = w.getElements();
        for (int i = 0; i < items.size(); ) {
            int first = ((PdfNumber) PdfReader.getPdfObject(items.get(i))).intValue();
            PdfObject next = PdfReader.getPdfObject(items.get(i + 1));
            if (next instanceof PdfArray list) {
                for (int k = 0; k < list.size(); k++) {
                    widths.put(first + k, ((PdfNumber) PdfReader.getPdfObject(list.getPdfObject(k))).intValue());
                }
                i += 2;
            } else {
                int last = ((PdfNumber) next).intValue();
                int width = ((PdfNumber) PdfReader.getPdfObject(items.get(i + 2))).intValue();
                for (int c = first; c <= last; c++) {
                    widths.put(c, width);
                }
                i += 3;
            }
        }
    }

    /** Reads the bfchar and bfrange entries of a ToUnicode CMap. */
    static Map<Integer, String> parseToUnicode(byte[] cmap) {
        String s = new String(cmap, StandardCharsets.ISO_8859_1);
        Map<Integer, String> map = new HashMap<>();
        for (String section : s.split("beginbf")) {
            boolean range = section.startsWith("range");
            if (!range && !section.startsWith("char")) {
                continue;
            }
            String body = section.substring(0, Math.max(0, section.indexOf("endbf")));
            Matcher m = HEX.matcher(body);
            while (m.find()) {
                if (m.group(1) == null) {
                    continue;
                }
                int from = Integer.parseInt(m.group(1), 16);
                if (!range) {
                    m.find();
                    map.put(from, utf16(m.group(1)));
                    continue;
                }
                m.find();
                int to = Integer.parseInt(m.group(1), 16);
                m.find();
                if (m.group(1) != null) {
                    String dst = utf16(m.group(1));
                    for (int c = from; c <= to; c++) {
                        map.put(c, dst.substring(0, dst.length() - 1) + (char) (dst.charAt(dst.length() - 1) + c - from));
                    }
                } else {
                    for (int c = from; m.find() && m.group(1) != null; c++) {
                        map.put(c, utf16(m.group(1)));
                    }
                }
            }
        }
        return map;
    }

    private static String utf16(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(b, StandardCharsets.UTF_16BE);
    }

    static byte[] toUnicodeCMap(Map<Integer, String> map) {
        StringBuilder b = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // bfchar entries for the glyphs with text (an empty <> here reads as U+0000 in PDFBox); the silent ones follow
        var entries = map.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList();
        for (int i = 0; i < entries.size(); i += 100) {
            var block = entries.subList(i, Math.min(entries.size(), i + 100));
            b.append(block.size()).append(" beginbfchar\n");
            for (var e : block) {
                b.append(String.format("<%04X> ", e.getKey()));
                b.append('<');
                for (char c : e.getValue().toCharArray()) {
                    b.append(String.format("%04X", (int) c));
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        // A glyph that reads as nothing: a one-code range to a list holding an empty string. pdfminer then reads it as
        // nothing (with no entry it writes "(cid:N)", and a bare <> destination reads as two NULs there); pdf.js falls
        // back to the code, a format character it drops.
        var silent = map.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        for (int i = 0; i < silent.size(); i += 100) {
            var block = silent.subList(i, Math.min(silent.size(), i + 100));
            b.append(block.size()).append(" beginbfrange\n");
            for (int cid : block) {
                b.append(String.format("<%04X> <%04X> [<>]%n", cid, cid));
            }
            b.append("endbfrange\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
