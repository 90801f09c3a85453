package org.openita.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/**
 * Sets the text of a kit or slip at exact places on a page: each piece in a column of its own, top down, broken
 * into lines only at ICU4J's Thai word boundaries ({@link ThaiSplitCharacter}), shaped by OpenPDF's LayoutProcessor
 * as the report is. A piece that does not fit its room in the lines allowed is set smaller, down to a floor, so a
 * long agency name wraps and shrinks but never runs out of its panel. One per page being drawn; not thread-safe.
 */
final class KitCanvas {

    /** Thai needs about one and a half times the type size from line to line, or stacked marks touch. */
    static final float LEADING = 1.5f;

    /** The style of one piece of text; {@code hang} indents every line after the first (a numbered step). */
    record Style(boolean bold, float size, float minSize, Color color, int align, float hang) {
        Style(boolean bold, float size, float minSize, Color color, int align) {
            this(bold, size, minSize, color, align, 0);
        }
    }

    /** What decides the size a text is set at; the same text in the same room gets the same size. */
    record Fit(String text, Style style, int maxLines, float width, float height) {
    }

    private final PdfContentByte cb;
    private final ThaiSplitCharacter split = new ThaiSplitCharacter();
    /** Sizes already found, shared by the pages of one document: a sheet of slips sets the same texts many times. */
    private final Map<Fit, Float> sizes;

    KitCanvas(PdfContentByte cb) {
        this(cb, new HashMap<>());
    }

    KitCanvas(PdfContentByte cb, Map<Fit, Float> sizes) {
        PdfRenderer.init();
        this.cb = cb;
        this.sizes = sizes;
    }

    /** A fresh memory of sizes, to share among the canvases of one document. */
    static Map<Fit, Float> sizeMemory() {
        return new HashMap<>();
    }

    static Font font(boolean bold, float size, Color color) {
        PdfRenderer.init();
        return FontFactory.getFont(bold ? "sarabun-bold" : "sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, size,
                Font.NORMAL, color);
    }

    /**
     * Sets {@code text} between {@code left} and {@code right}, its first line hanging from {@code top}, in at
     * most {@code maxLines} lines and above {@code bottom}, at the largest size from the style's size down to its
     * floor (in half points) that fits.
     *
     * @return the y just under the last line
     * @throws IllegalStateException when the text does not fit even at the floor (a layout error: the callers
     *     bound every text's length so that it does)
     */
    float text(String text, Style style, int maxLines, float left, float right, float top, float bottom) {
        Fit fit = new Fit(text, style, maxLines, right - left, top - bottom);
        Float known = sizes.get(fit);
        float size = known != null ? known : size(text, style, maxLines, left, right, top, bottom);
        sizes.put(fit, size);
        ColumnText real = column(text, style, size, left, right, top, bottom);
        go(real, false);
        return real.getYLine();
    }

    private float size(String text, Style style, int maxLines, float left, float right, float top, float bottom) {
        for (float size = style.size(); size >= style.minSize() - 0.01f; size -= 0.5f) {
            ColumnText trial = column(text, style, size, left, right, top, bottom);
            int status = go(trial, true);
            if (!ColumnText.hasMoreText(status) && trial.getLinesWritten() <= maxLines) {
                return size;
            }
        }
        throw new IllegalStateException("text does not fit its room on the page: " + text.length() + " characters");
    }

    /** The height the text takes in a column of this width when set by {@link #text}, without a floor under it. */
    float measure(String text, Style style, int maxLines, float width) {
        float height = fit(text, style, maxLines, width);
        if (height < 0) {
            throw new IllegalStateException("text does not fit its room on the page: " + text.length() + " characters");
        }
        return height;
    }

    /** Whether the text fits in so many lines of this width at some size of the style. */
    boolean fits(String text, Style style, int maxLines, float width) {
        return fit(text, style, maxLines, width) >= 0;
    }

    private float fit(String text, Style style, int maxLines, float width) {
        float top = 100_000;
        for (float size = style.size(); size >= style.minSize() - 0.01f; size -= 0.5f) {
            ColumnText trial = column(text, style, size, 0, width, top, 0);
            int status = go(trial, true);
            if (!ColumnText.hasMoreText(status) && trial.getLinesWritten() <= maxLines) {
                return top - trial.getYLine();
            }
        }
        return -1;
    }

    private ColumnText column(String text, Style style, float size, float left, float right, float top, float bottom) {
        ColumnText ct = new ColumnText(cb);
        ct.setSimpleColumn(left, bottom, right, top);
        Paragraph p = new Paragraph(size * LEADING);
        Chunk chunk = new Chunk(text, font(style.bold(), size, style.color()));
        chunk.setSplitCharacter(split);
        p.add(chunk);
        p.setAlignment(style.align());
        if (style.hang() > 0) {
            p.setIndentationLeft(style.hang());
            p.setFirstLineIndent(-style.hang());
        }
        ct.addElement(p);
        return ct;
    }

    private static int go(ColumnText ct, boolean simulate) {
        try {
            return ct.go(simulate);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot set text on the page", e);
        }
    }

    /** A dashed guide line (a cut or fold line) in light grey. */
    void dashed(float x1, float y1, float x2, float y2) {
        cb.saveState();
        cb.setColorStroke(new Color(0x9a, 0xa5, 0xb1));
        cb.setLineWidth(0.6f);
        cb.setLineDash(5, 3, 0);
        cb.moveTo(x1, y1);
        cb.lineTo(x2, y2);
        cb.stroke();
        cb.restoreState();
    }

    /** A filled rectangle, for the coloured bands of the poster and card. */
    void band(float x, float y, float width, float height, Color color) {
        cb.saveState();
        cb.setColorFill(color);
        cb.rectangle(x, y, width, height);
        cb.fill();
        cb.restoreState();
    }

    PdfContentByte content() {
        return cb;
    }
}
