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
import java.util.IdentityHashMap;
import java.util.List;
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
    /** The text width of an A4 page with the report's margins (85 left, 57 right), in points. */
    static final float WIDTH = PageSize.A4.getWidth() - 85 - 57;
    /** The height of a page's text area (A4 less the top and bottom margins of 71 and 57 points). */
    static final float PAGE_BODY_HEIGHT = PageSize.A4.getHeight() - 71 - 57;
    static final Color PASS = new Color(0xc6, 0x28, 0x28);
    static final Color GRID = new Color(0xdd, 0xe2, 0xe8);
    static final Color INK = new Color(0x1b, 0x1f, 0x24);
    static final Color BRAND = new Color(0x0b, 0x4f, 0x8a);
    static final Color LIGHT = new Color(0xa9, 0xc4, 0xe0);
    static final Color HEADER_BG = new Color(0xdc, 0xe6, 0xf1);

    /** The AWT fonts as LayoutProcessor shapes with them (kerning and ligatures on), by PostScript name. */
    static final Map<String, java.awt.Font> SHAPING = Stream.of(Fonts.REGULAR, Fonts.BOLD)
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
    /** Tables built while looking ahead for page breaks, reused when they are added. */
    private final Map<Block, PdfPTable> tables = new IdentityHashMap<>();

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
    static void init() {
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
            List<Block> blocks = doc.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b instanceof Block.Heading || b instanceof Block.BarChart || b instanceof Block.Table) {
                    keepWithNext(writer, document, blocks, i);
                }
                if (b instanceof Block.Table t) {
                    table(writer, document, t);
                } else {
                    block(document, b);
                }
            }
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot write the PDF report", e);
        }
    }

    /**
     * Starts a new page when a heading (with the start of what follows it), a whole chart with its caption or the
     * start of a table does not fit in the room left on this page but would fit on an empty one, so no heading or
     * caption is left alone at the foot of a page and no table starts there with a single row.
     */
    private void keepWithNext(PdfWriter writer, Document document, List<Block> blocks, int i) throws DocumentException {
        float room = writer.getVerticalPosition(true) - document.bottom();
        float page = document.top() - document.bottom();
        float need = need(blocks, i, document);
        if (need > room && room < page - 1) {
            document.newPage();
        }
    }

    /** The height block i needs to be kept with: all of a heading and of a chart, the start of anything else. */
    private float need(List<Block> blocks, int i, Document document) throws DocumentException {
        if (i >= blocks.size()) {
            return 0;
        }
        float width = document.right() - document.left();
        Block b = blocks.get(i);
        if (b instanceof Block.Heading h) {
            Font font = h.level() == 1 ? h1 : h2;
            float lines = (float) Math.ceil(font.getBaseFont().getWidthPoint(h.full(), font.getSize()) / width);
            float next = need(blocks, i + 1, document);
            // a heading with a one-sentence introduction keeps both with the start of the table or chart they introduce
            if (i + 2 < blocks.size() && blocks.get(i + 1) instanceof Block.Paragraph p
                    && (blocks.get(i + 2) instanceof Block.Table || blocks.get(i + 2) instanceof Block.BarChart)) {
                float paraLines = (float) Math.ceil(body.getBaseFont().getWidthPoint(p.text(), body.getSize()) / width);
                if (paraLines <= 3) {
                    next = paraLines * LEADING + 4 + need(blocks, i + 2, document);
                }
            }
            return (h.level() == 1 ? 14 : 8) + 4 + Math.max(1, lines) * LEADING + next;
        } else if (b instanceof Block.Paragraph || b instanceof Block.Bullets) {
            return 3 * LEADING + 4; // two lines, with a line's room for spacing and rounding
        } else if (b instanceof Block.Table t) {
            // the header with two body rows, so a table does not start with one row alone at a page's foot; with
            // one row when two tall rows would take most of a page, so its heading is not left alone instead
            PdfPTable table = table(t);
            float two = 0;
            for (int r = 0; r < Math.min(3, table.size()); r++) {
                two += table.getRowHeight(r);
            }
            float one = table.getRowHeight(0) + (table.size() > 1 ? table.getRowHeight(1) : 0);
            return table.spacingBefore() + (two > (document.top() - document.bottom()) / 2 ? one : two);
        } else if (b instanceof Block.BarChart c) {
            return (c.hasPrevious() ? 2 : 1) * LEADING + 6 + chartTable(c).getTotalHeight() + 2 * LEADING;
        }
        return 0;
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
        } else if (b instanceof Block.SignOff s) {
            // one borderless cell that is never split: the block moves whole to the next page when it does not fit
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            Paragraph h = paragraph(s.heading(), h1);
            h.setSpacingBefore(14);
            cell.addElement(h);
            for (java.util.List<String> signer : s.signers()) {
                for (int i = 0; i < signer.size(); i++) {
                    Paragraph line = paragraph(signer.get(i), body);
                    line.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
                    line.setSpacingBefore(i == 0 ? 24 : 0);
                    cell.addElement(line);
                }
            }
            PdfPTable block = new PdfPTable(1);
            block.setWidthPercentage(100);
            block.setKeepTogether(true);
            block.setSplitLate(true);
            block.addCell(cell);
            document.add(block);
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

    /**
     * Adds a table so that its last page never holds its last row alone: where that would happen, the row before
     * goes over with it (the table is written as two, same columns, the header repeated). The page breaks are worked
     * out from the room left and the row heights, which are exact once the column widths are locked.
     */
    private void table(PdfWriter writer, Document document, Block.Table t) throws DocumentException {
        PdfPTable table = table(t);
        int rows = table.size();
        float header = table.getRowHeight(0);
        float page = document.top() - document.bottom();
        float room = writer.getVerticalPosition(true) - document.bottom() - table.spacingBefore();
        int pageStart = 1;
        int previousStart = -1;
        float used = header;
        for (int r = 1; r < rows; r++) {
            float h = table.getRowHeight(r);
            if (used + h > room && r > pageStart) {
                previousStart = pageStart;
                pageStart = r;
                used = header;
                room = page;
            }
            used += h;
        }
        boolean lastRowAlone = rows > 4 && pageStart == rows - 1 && previousStart > 0 && pageStart - previousStart >= 3;
        if (!lastRowAlone || t.rows().size() != rows - 1) {
            document.add(table);
            return;
        }
        float[] widths = table.getAbsoluteWidths();
        int split = t.rows().size() - 2;
        PdfPTable first = table(new Block.Table(t.header(), t.rows().subList(0, split), t.widths(), t.numeric()), widths);
        first.setSpacingAfter(0);
        document.add(first);
        document.newPage();
        PdfPTable last = table(new Block.Table(t.header(), t.rows().subList(split, t.rows().size()), t.widths(), t.numeric()), widths);
        last.setSpacingBefore(0);
        document.add(last);
    }

    private PdfPTable table(Block.Table t) throws DocumentException {
        return table(t, null);
    }

    /** The table of block {@code t}, with the given column widths or, when null, widths fitted to its content. */
    private PdfPTable table(Block.Table t, float[] columnWidths) throws DocumentException {
        PdfPTable table = tables.get(t);
        if (table != null) {
            return table;
        }
        table = new PdfPTable(t.widths().length);
        table.setTotalWidth(columnWidths != null ? columnWidths : TableLayout.widths(t, WIDTH, small.getSize(), 8));
        table.setLockedWidth(true);
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
        // a short table is not split at all: it moves whole to the next page when it does not fit
        table.setKeepTogether(t.rows().size() <= 3 && table.getTotalHeight() < PAGE_BODY_HEIGHT / 3);
        tables.put(t, table);
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
        document.add(chartTable(c));
        Paragraph note = paragraph(ChartScale.of(c).note(), note());
        note.setSpacingAfter(8);
        document.add(note);
    }

    private Font note() {
        return small;
    }

    /** Label, bar and value per row; a first row for the pass mark's label and a last row for the scale. */
    private PdfPTable chartTable(Block.BarChart c) throws DocumentException {
        ChartScale scale = ChartScale.of(c);
        PdfPTable table = new PdfPTable(3);
        table.setTotalWidth(new float[] {WIDTH * 4.2f / 10.6f, WIDTH * 5f / 10.6f, WIDTH * 1.4f / 10.6f});
        table.setLockedWidth(true);
        table.setKeepTogether(true);
        if (scale.passMark() != null) {
            table.addCell(empty());
            PdfPCell mark = empty(); // no Sarabun run in it: an empty run has no text for ToUnicodeRepair to match
            mark.setMinimumHeight(20);
            mark.setCellEvent(new PassLabelEvent(scale));
            table.addCell(mark);
            table.addCell(empty());
        }
        for (Block.Bar bar : c.bars()) {
            PdfPCell label = cell(bar.label(), small, false);
            label.setBorder(Rectangle.NO_BORDER);
            table.addCell(label);
            PdfPCell barCell = new PdfPCell(new Phrase(" "));
            barCell.setBorder(Rectangle.LEFT);
            barCell.setBorderColor(INK);
            barCell.setCellEvent(new BarEvent(bar.value(), bar.previous(), scale));
            table.addCell(barCell);
            String value = bar.valueText() + (bar.previous() != null ? "\n" + bar.previousText() : "");
            PdfPCell v = cell(value, small, true);
            v.setBorder(Rectangle.NO_BORDER);
            table.addCell(v);
        }
        table.addCell(empty());
        PdfPCell axis = empty();
        axis.setMinimumHeight(24);
        axis.setCellEvent(new AxisEvent(scale));
        table.addCell(axis);
        table.addCell(empty());
        return table;
    }

    private PdfPCell empty() {
        PdfPCell cell = new PdfPCell(new Phrase(" "));
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static float x(Rectangle pos, ChartScale scale, double v) {
        return pos.getLeft() + 1 + (pos.getWidth() - 4) * (float) scale.fraction(v);
    }

    /** Draws the grid, the bar(s) of one row and the pass mark inside its cell, on the chart's scale. */
    private static final class BarEvent implements PdfPCellEvent {
        private final Double value;
        private final Double previous;
        private final ChartScale scale;

        BarEvent(Double value, Double previous, ChartScale scale) {
            this.value = value;
            this.previous = previous;
            this.scale = scale;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle pos, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.BACKGROUNDCANVAS];
            cb.saveState();
            cb.setColorStroke(GRID);
            cb.setLineWidth(0.6f);
            for (double t : scale.ticks()) {
                cb.moveTo(x(pos, scale, t), pos.getBottom());
                cb.lineTo(x(pos, scale, t), pos.getTop());
            }
            cb.stroke();
            cb.restoreState();
            float height = pos.getHeight();
            float thickness = previous == null ? Math.min(12, height - 8) : Math.min(9, (height - 8) / 2);
            float top = pos.getBottom() + height / 2 + (previous == null ? thickness / 2 : thickness);
            draw(cb, pos, value, top - thickness, thickness, BRAND);
            if (previous != null) {
                draw(cb, pos, previous, top - 2 * thickness - 1, thickness, LIGHT);
            }
            if (scale.passMark() != null) {
                PdfContentByte line = canvases[PdfPTable.LINECANVAS];
                line.saveState();
                line.setColorStroke(PASS);
                line.setLineWidth(1.2f);
                line.setLineDash(4, 2, 0);
                float px = x(pos, scale, scale.passMark());
                line.moveTo(px, pos.getBottom());
                line.lineTo(px, pos.getTop());
                line.stroke();
                line.restoreState();
            }
        }

        private void draw(PdfContentByte cb, Rectangle pos, Double v, float y, float h, Color color) {
            if (v == null) {
                return;
            }
            cb.saveState();
            cb.setColorFill(color);
            cb.rectangle(pos.getLeft() + 1, y, x(pos, scale, v) - pos.getLeft() - 1, h);
            cb.fill();
            cb.restoreState();
        }
    }

    /** The pass mark's label above the bars. */
    private final class PassLabelEvent implements PdfPCellEvent {
        private final ChartScale scale;

        PassLabelEvent(ChartScale scale) {
            this.scale = scale;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle pos, PdfContentByte[] canvases) {
            Font font = FontFactory.getFont("sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 14f, Font.NORMAL, PASS);
            Phrase p = new Phrase();
            p.add(chunk(scale.passLabel(), font));
            ColumnText.showTextAligned(canvases[PdfPTable.TEXTCANVAS], Element.ALIGN_CENTER, p,
                    Math.min(x(pos, scale, scale.passMark()), pos.getRight() - 30), pos.getBottom() + 6, 0);
        }
    }

    /** The scale under the bars: the axis line, a tick and a label at each step, a break mark when it does not start at 0. */
    private final class AxisEvent implements PdfPCellEvent {
        private final ChartScale scale;

        AxisEvent(ChartScale scale) {
            this.scale = scale;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle pos, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.LINECANVAS];
            float top = pos.getTop();
            cb.saveState();
            cb.setColorStroke(INK);
            cb.setLineWidth(0.8f);
            cb.moveTo(pos.getLeft(), top);
            cb.lineTo(pos.getRight() - 3, top);
            for (double t : scale.ticks()) {
                cb.moveTo(x(pos, scale, t), top);
                cb.lineTo(x(pos, scale, t), top - 4);
            }
            cb.stroke();
            if (scale.zoomed()) {
                float bx = pos.getLeft() + 6;
                cb.setColorFill(Color.WHITE);
                cb.rectangle(bx, top - 1.5f, 5, 3);
                cb.fill();
                cb.moveTo(bx - 2, top - 4);
                cb.lineTo(bx + 2, top + 4);
                cb.moveTo(bx + 3, top - 4);
                cb.lineTo(bx + 7, top + 4);
                cb.stroke();
            }
            cb.restoreState();
            Font font = FontFactory.getFont("sarabun", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, 11f, Font.NORMAL, INK);
            for (double t : scale.ticks()) {
                Phrase p = new Phrase();
                p.add(chunk(scale.label(t), font));
                ColumnText.showTextAligned(canvases[PdfPTable.TEXTCANVAS], Element.ALIGN_CENTER, p, x(pos, scale, t), top - 16, 0);
            }
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
