package org.openita.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.awt.font.TextAttribute;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * Renders the report as PDF in-process with OpenPDF. Its LayoutProcessor shapes Thai through the JDK's
 * OpenType engine so marks stack correctly, writes ActualText so copied text is exact, and every chunk
 * breaks lines only at ICU4J word boundaries. {@link ToUnicodeRepair} then makes the fonts' ToUnicode maps give
 * the same text for the readers that ignore ActualText.
 */
public final class PdfRenderer {

    static final float BODY = 16f;
    static final float LEADING = 25f;
    static final Color INK = new Color(0x1b, 0x1f, 0x24);
    static final Color BRAND = new Color(0x0b, 0x4f, 0x8a);
    static final Color LIGHT = new Color(0xa9, 0xc4, 0xe0);
    static final Color HEADER_BG = new Color(0xdc, 0xe6, 0xf1);

    /** The AWT fonts as LayoutProcessor shapes with them (kerning and ligatures on), by PostScript name. */
    private static final Map<String, java.awt.Font> SHAPING = Stream.of(Fonts.REGULAR, Fonts.BOLD)
            .map(f -> Fonts.awt(f, BODY).deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON,
                    TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON)))
            .collect(Collectors.toUnmodifiableMap(java.awt.Font::getPSName, f -> f));

    private static final Object INIT = new Object();
    private static boolean initialised;

    private final Font body;
    private final Font bold;
    private final Font h1;
    private final Font h2;
    private final Font title;
    private final Font small;
    private final Font smallBold;
    private final ThaiSplitCharacter split = new ThaiSplitCharacter();
    private final DigitStyle digits;

    private PdfRenderer(DigitStyle digits) {
        init();
        this.digits = digits;
        body = FontFactory.getFont("sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BODY, Font.NORMAL, INK);
        bold = FontFactory.getFont("sarabun-bold", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BODY, Font.NORMAL, INK);
        h1 = FontFactory.getFont("sarabun-bold", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 18f, Font.NORMAL, BRAND);
        h2 = FontFactory.getFont("sarabun-bold", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BODY, Font.NORMAL, INK);
        title = FontFactory.getFont("sarabun-bold", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 22f, Font.NORMAL, INK);
        small = FontFactory.getFont("sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 14f, Font.NORMAL, INK);
        smallBold = FontFactory.getFont("sarabun-bold", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 14f, Font.NORMAL, INK);
    }

    /** LayoutProcessor is a JVM-wide switch that must be set before the first font is created. */
    private static void init() {
        synchronized (INIT) {
            if (!initialised) {
                LayoutProcessor.enableKernLiga();
                LayoutProcessor.setWriteActualText();
                FontFactory.register(Fonts.REGULAR, "sarabun");
                FontFactory.register(Fonts.BOLD, "sarabun-bold");
                initialised = true;
            }
        }
    }

    public static byte[] render(ReportDocument doc, DigitStyle digits) {
        return renderRepaired(doc, digits).pdf();
    }

    public static void render(ReportDocument doc, DigitStyle digits, OutputStream out) {
        try {
            out.write(render(doc, digits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF as OpenPDF writes it, then with its ToUnicode maps made to give back the source text. */
    static ToUnicodeRepair.Repaired renderRepaired(ReportDocument doc, DigitStyle digits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRenderer(digits).write(doc, out);
        try {
            return ToUnicodeRepair.repair(out.toByteArray(), SHAPING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the PDF report", e);
        }
    }

    private Chunk chunk(String text, Font font) {
        Chunk c = new Chunk(text, font);
        c.setSplitCharacter(split);
        return c;
    }

    private Paragraph paragraph(String text, Font font) {
        Paragraph p = new Paragraph(LEADING);
        p.add(chunk(text, font));
        return p;
    }

    private void write(ReportDocument doc, OutputStream out) {
        Document document = new Document(PageSize.A4, 85, 57, 71, 57);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers());
            document.addTitle(doc.title());
            document.addAuthor(doc.agency());
            document.addCreator("OpenITA");
            document.open();
            for (Block b : doc.blocks()) {
                block(document, b);
            }
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot write the PDF report", e);
        }
    }

    private void block(Document document, Block b) throws DocumentException, IOException {
        if (b instanceof Block.Cover c) {
            cover(document, c);
        } else if (b instanceof Block.Heading h) {
            Paragraph p = paragraph(h.full(), h.level() == 1 ? h1 : h2);
            p.setSpacingBefore(h.level() == 1 ? 14 : 8);
            p.setSpacingAfter(4);
            p.setKeepTogether(true);
            document.add(p);
        } else if (b instanceof Block.Paragraph p) {
            Paragraph para = paragraph(p.text(), body);
            para.setFirstLineIndent(36);
            para.setSpacingAfter(4);
            document.add(para);
        } else if (b instanceof Block.Bullets l) {
            for (String item : l.items()) {
                Paragraph p = paragraph("•  " + item, body);
                p.setIndentationLeft(36);
                p.setFirstLineIndent(-14);
                document.add(p);
            }
        } else if (b instanceof Block.Table t) {
            document.add(table(t));
        } else if (b instanceof Block.BarChart c) {
            chart(document, c);
        } else if (b instanceof Block.PageBreak) {
            document.newPage();
        }
    }

    private void cover(Document document, Block.Cover c) throws DocumentException, IOException {
        Paragraph space = new Paragraph(LEADING);
        space.setSpacingBefore(c.logo() == null ? 150 : 40);
        document.add(space);
        if (c.logo() != null) {
            Image logo = Image.getInstance(c.logo());
            logo.scaleToFit(110, 110);
            logo.setAlignment(Element.ALIGN_CENTER);
            document.add(logo);
        }
        for (String line : c.title()) {
            Paragraph p = new Paragraph(34);
            p.add(chunk(line, title));
            p.setAlignment(Element.ALIGN_CENTER);
            document.add(p);
        }
        Paragraph gap = new Paragraph(LEADING);
        gap.setSpacingBefore(120);
        document.add(gap);
        for (String line : c.agency()) {
            Paragraph p = paragraph(line, h2);
            p.setAlignment(Element.ALIGN_CENTER);
            document.add(p);
        }
        Paragraph date = paragraph(c.date(), body);
        date.setAlignment(Element.ALIGN_CENTER);
        document.add(date);
    }

    private PdfPTable table(Block.Table t) throws DocumentException {
        PdfPTable table = new PdfPTable(t.widths());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(6);
        table.setSpacingAfter(8);
        for (String h : t.header()) {
            PdfPCell cell = cell(h, smallBold, false);
            cell.setBackgroundColor(HEADER_BG);
            table.addCell(cell);
        }
        for (var row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(row.get(i), small, t.numeric()[i]));
            }
        }
        return table;
    }

    private PdfPCell cell(String text, Font font, boolean numeric) {
        Phrase phrase = new Phrase(21);
        phrase.add(chunk(text, font));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setLeading(0, 1.35f);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(6);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        cell.setBorderColor(new Color(0x9a, 0xa5, 0xb1));
        cell.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    private void chart(Document document, Block.BarChart c) throws DocumentException {
        Paragraph caption = paragraph(c.title(), h2);
        caption.setSpacingBefore(6);
        caption.setKeepTogether(true);
        document.add(caption);
        if (c.hasPrevious()) {
            Font current = FontFactory.getFont("sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 14f, Font.NORMAL, BRAND);
            Font previous = FontFactory.getFont("sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 14f, Font.NORMAL, LIGHT);
            Paragraph legend = new Paragraph(LEADING);
            legend.add(chunk("■ ", current));
            legend.add(chunk(c.currentLabel() + "    ", small));
            legend.add(chunk("■ ", previous));
            legend.add(chunk(c.previousLabel(), small));
            document.add(legend);
        }
        PdfPTable table = new PdfPTable(new float[] {4.2f, 5f, 1.4f});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        for (Block.Bar bar : c.bars()) {
            PdfPCell label = cell(bar.label(), small, false);
            label.setBorder(Rectangle.NO_BORDER);
            table.addCell(label);
            PdfPCell barCell = new PdfPCell(new Phrase(" "));
            barCell.setBorder(Rectangle.LEFT);
            barCell.setBorderColor(INK);
            barCell.setCellEvent(new BarEvent(bar.value(), bar.previous()));
            table.addCell(barCell);
            String value = bar.valueText() + (bar.previous() != null ? "\n" + bar.previousText() : "");
            PdfPCell v = cell(value, small, true);
            v.setBorder(Rectangle.NO_BORDER);
            table.addCell(v);
        }
        document.add(table);
    }

    /** Draws the bar(s) of one row inside its cell, scaled so that 100 fills the cell. */
    private static final class BarEvent implements PdfPCellEvent {
        private final Double value;
        private final Double previous;

        BarEvent(Double value, Double previous) {
            this.value = value;
            this.previous = previous;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle pos, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.BACKGROUNDCANVAS];
            float height = pos.getHeight();
            float thickness = previous == null ? Math.min(12, height - 8) : Math.min(9, (height - 8) / 2);
            float top = pos.getBottom() + height / 2 + (previous == null ? thickness / 2 : thickness);
            draw(cb, pos, value, top - thickness, thickness, BRAND);
            if (previous != null) {
                draw(cb, pos, previous, top - 2 * thickness - 1, thickness, LIGHT);
            }
        }

        private static void draw(PdfContentByte cb, Rectangle pos, Double v, float y, float h, Color color) {
            if (v == null) {
                return;
            }
            float w = (pos.getWidth() - 4) * (float) Math.max(0, Math.min(100, v)) / 100f;
            cb.saveState();
            cb.setColorFill(color);
            cb.rectangle(pos.getLeft() + 1, y, w, h);
            cb.fill();
            cb.restoreState();
        }
    }

    /** Page numbers at the top centre from page 2 on, in the report's digits. */
    private final class PageNumbers extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            if (page == 1) {
                return;
            }
            Phrase p = new Phrase();
            p.add(chunk("- " + ThaiFormat.digits(Integer.toString(page), digits) + " -", small));
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, p,
                    (document.left() + document.right()) / 2, document.top() + 30, 0);
        }
    }
}
