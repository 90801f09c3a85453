package org.openita.report;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the text of a PDF written by OpenPDF's LayoutProcessor come back right from the fonts' ToUnicode maps
 * alone, for the readers that ignore /ActualText (pdf.js, pdfminer, PDFBox without it). LayoutProcessor shows
 * shaped glyphs, and the glyph of a split ำ or of a mark placed apart from its base then reads as the wrong text
 * or in the wrong place. Each run LayoutProcessor wrote sits in a /Span with its source text as /ActualText; this
 * shapes that text again, works out which text each glyph stands for ({@link ClusterText}) and shows every glyph
 * whose ToUnicode entry disagrees through an extra CID of the same embedded font ({@link CidRemap}). What is drawn
 * does not change: same glyphs, same widths, same positions; /ActualText stays for the readers that use it.
 */
final class ToUnicodeRepair {

    /** The repaired PDF, how many shown runs were checked and how many were left as they were. */
    record Repaired(byte[] pdf, int runs, int left) {
    }

    private ToUnicodeRepair() {
    }

    /**
     * @param pdf     a PDF written by OpenPDF with LayoutProcessor and ActualText on
     * @param shaping the AWT fonts LayoutProcessor shaped with, by PostScript name
     */
    static Repaired repair(byte[] pdf, Map<String, java.awt.Font> shaping) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        Map<Integer, CidRemap> remaps = new HashMap<>();
        int[] counts = new int[2];
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            Map<PdfName, CidRemap> fonts = fonts(reader.getPageN(p), shaping, remaps);
            if (fonts.isEmpty()) {
                continue;
            }
            byte[] content = new Page(fonts, counts).rewrite(reader.getPageContent(p));
            if (content != null) {
                reader.setPageContent(p, content);
            }
        }
        for (CidRemap remap : remaps.values()) {
            remap.write(reader);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 8192);
        try {
            new PdfStamper(reader, out).close();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IOException(e);
        }
        reader.close();
        return new Repaired(out.toByteArray(), counts[0], counts[1]);
    }

    private static Map<PdfName, CidRemap> fonts(PdfDictionary page, Map<String, java.awt.Font> shaping,
            Map<Integer, CidRemap> remaps) throws IOException {
        Map<PdfName, CidRemap> byName = new HashMap<>();
        PdfDictionary resources = (PdfDictionary) PdfReader.getPdfObject(page.get(PdfName.RESOURCES));
        PdfDictionary fonts = resources == null ? null : (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.FONT));
        if (fonts == null) {
            return byName;
        }
        for (PdfName name : fonts.getKeys()) {
            if (!(fonts.get(name) instanceof PRIndirectReference ref)
                    || !(PdfReader.getPdfObject(ref) instanceof PdfDictionary font) || !CidRemap.applies(font)) {
                continue;
            }
            String base = PdfName.decodeName(font.get(PdfName.BASEFONT).toString());
            java.awt.Font awt = shaping.get(base.substring(base.indexOf('+') + 1));
            if (awt == null) {
                continue;
            }
            CidRemap remap = remaps.get(ref.getNumber());
            if (remap == null) {
                remap = new CidRemap(font, awt);
                remaps.put(ref.getNumber(), remap);
            }
            byName.put(name, remap);
        }
        return byName;
    }

    /** One page's content stream, rewritten run by run. */
    private static final class Page {
        private final Map<PdfName, CidRemap> fonts;
        private final int[] counts;

        Page(Map<PdfName, CidRemap> fonts, int[] counts) {
            this.fonts = fonts;
            this.counts = counts;
        }

        /** A string operand that shows glyphs: the operator's operand list, and its index in a TJ array or -1. */
        private record Shown(List<PdfObject> op, int operand, int element, CidRemap font) {
            PdfString string() {
                PdfObject o = op.get(operand);
                return (PdfString) (element < 0 ? o : ((PdfArray) o).getPdfObject(element));
            }

            /** Puts strings and pen moves where the string was; a Tj that needs a pen move becomes a TJ. */
            void replace(List<PdfObject> parts) {
                if (element >= 0) {
                    PdfArray array = (PdfArray) op.get(operand);
                    array.remove(element);
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        array.add(element, parts.get(i));
                    }
                } else if (parts.size() == 1) {
                    op.set(operand, parts.get(0));
                } else {
                    // OpenPDF shows text with Tj and TJ only; the newline operators ' and " are not written
                    if (!"Tj".equals(op.get(op.size() - 1).toString())) {
                        throw new IllegalStateException("cannot move the pen inside " + op.get(op.size() - 1));
                    }
                    PdfArray array = new PdfArray();
                    parts.forEach(array::add);
                    op.set(operand, array);
                    op.set(op.size() - 1, new PdfLiteral("TJ"));
                }
            }
        }

        /** @return the new content, or null when nothing changed or the content is not one this can rewrite */
        byte[] rewrite(byte[] content) throws IOException {
            List<List<PdfObject>> ops = new ArrayList<>();
            PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
            for (List<PdfObject> op = parser.parse(null); !op.isEmpty(); op = parser.parse(null)) {
                String operator = op.get(op.size() - 1).toString();
                if (operator.equals("BI")) {
                    return null; // inline images are not tokens this parser can step over
                }
                ops.add(op);
            }
            boolean changed = false;
            CidRemap font = null;
            Deque<Optional<CidRemap>> saved = new ArrayDeque<>();
            Deque<Boolean> marked = new ArrayDeque<>();
            String actualText = null;
            List<Shown> shown = new ArrayList<>();
            for (List<PdfObject> op : ops) {
                int last = op.size() - 1;
                switch (op.get(last).toString()) {
                    case "q" -> saved.push(Optional.ofNullable(font));
                    case "Q" -> font = saved.isEmpty() ? null : saved.pop().orElse(null);
                    case "Tf" -> font = last >= 2 ? fonts.get(op.get(0)) : null;
                    case "BMC" -> marked.push(false);
                    case "BDC" -> {
                        PdfObject props = last >= 2 ? op.get(1) : null;
                        boolean span = actualText == null && props instanceof PdfDictionary d
                                && d.get(PdfName.ACTUALTEXT) instanceof PdfString;
                        if (span) {
                            actualText = ((PdfString) ((PdfDictionary) props).get(PdfName.ACTUALTEXT)).toUnicodeString();
                            shown.clear();
                        }
                        marked.push(span);
                    }
                    case "EMC" -> {
                        if (!marked.isEmpty() && marked.pop()) {
                            changed |= run(actualText, shown);
                            actualText = null;
                        }
                    }
                    case "Tj", "'", "\"" -> {
                        if (actualText != null && last >= 1 && op.get(last - 1) instanceof PdfString) {
                            shown.add(new Shown(op, last - 1, -1, font));
                        }
                    }
                    case "TJ" -> {
                        if (actualText != null && last >= 1 && op.get(0) instanceof PdfArray array) {
                            for (int i = 0; i < array.size(); i++) {
                                if (array.getPdfObject(i) instanceof PdfString) {
                                    shown.add(new Shown(op, 0, i, font));
                                }
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            return changed ? write(ops) : null;
        }

        /** Gives every glyph of one /ActualText run the code that reads back as its part of the text. */
        private boolean run(String text, List<Shown> shown) {
            if (shown.isEmpty()) {
                return false;
            }
            counts[0]++;
            CidRemap font = shown.get(0).font();
            List<Integer> glyphs = new ArrayList<>();
            for (Shown s : shown) {
                byte[] b = s.string().getOriginalBytes();
                if (s.font() != font || font == null || b.length % 2 != 0) {
                    counts[1]++;
                    return false;
                }
                for (int i = 0; i < b.length; i += 2) {
                    glyphs.add(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff));
                }
            }
            String[] texts = ClusterText.of(font.shaping(), text, glyphs.stream().mapToInt(Integer::intValue).toArray(),
                    font::advances);
            if (texts == null) {
                counts[1]++;
                return false;
            }
            boolean changed = false;
            int g = 0;
            List<List<PdfObject>> pieces = new ArrayList<>();
            for (Shown s : shown) {
                byte[] b = s.string().getOriginalBytes();
                List<PdfObject> piece = new ArrayList<>();
                ByteArrayOutputStream codes = new ByteArrayOutputStream();
                for (int i = 0; i < b.length; i += 2, g++) {
                    int code = font.codeFor(glyphs.get(g), texts[g]);
                    changed |= code != glyphs.get(g);
                    codes.write(code >> 8);
                    codes.write(code);
                    int nudge = font.nudge(code);
                    if (nudge != 0) {
                        piece.add(hex(codes.toByteArray()));
                        piece.add(new PdfNumber(nudge));
                        codes.reset();
                    }
                }
                if (codes.size() > 0 || piece.isEmpty()) {
                    piece.add(hex(codes.toByteArray()));
                }
                pieces.add(piece);
            }
            // from the last shown string back, so the TJ positions of the earlier ones stay where they were
            for (int k = shown.size() - 1; k >= 0; k--) {
                shown.get(k).replace(pieces.get(k));
            }
            return changed;
        }

        private static PdfString hex(byte[] codes) {
            PdfString s = new PdfString(codes);
            s.setHexWriting(true);
            return s;
        }

        private static byte[] write(List<List<PdfObject>> ops) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (List<PdfObject> op : ops) {
                for (int i = 0; i < op.size(); i++) {
                    op.get(i).toPdf(null, out);
                    out.write(i == op.size() - 1 ? '\n' : ' ');
                }
            }
            return out.toByteArray();
        }
    }
}
