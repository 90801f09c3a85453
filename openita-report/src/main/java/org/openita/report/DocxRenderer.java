package org.openita.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.openita.core.thai.DigitStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Renders the report as a DOCX an agency can edit in Word or LibreOffice: Sarabun 16 pt on A4 with Thai
 * government margins, headings as real heading styles, tables whose header row repeats, page numbers in
 * the header. Sizes and bold are also written for complex scripts (szCs, bCs), without which Word and
 * LibreOffice ignore them for Thai text.
 */
public final class DocxRenderer {

    static final int BODY_HALF_POINTS = 32;
    static final int TABLE_HALF_POINTS = 28;
    static final int NOTE_HALF_POINTS = 24;
    /** A4 width less the left and right margins, in twips. */
    static final int USABLE_TWIPS = 11906 - 1701 - 1134;
    /** Left and right cell margin, in twips. */
    static final int CELL_MARGIN_TWIPS = 100;

    private final DigitStyle digits;
    private XWPFDocument doc;

    private DocxRenderer(DigitStyle digits) {
        this.digits = digits;
    }

    public static byte[] render(ReportDocument report, DigitStyle digits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(report, digits, out);
        return out.toByteArray();
    }

    public static void render(ReportDocument report, DigitStyle digits, OutputStream out) {
        new DocxRenderer(digits).write(report, out);
    }

    private void write(ReportDocument report, OutputStream out) {
        try (XWPFDocument d = new XWPFDocument()) {
            doc = d;
            d.getProperties().getCoreProperties().setTitle(report.title());
            d.getProperties().getCoreProperties().setCreator(report.agency());
            styles();
            page();
            for (Block b : report.blocks()) {
                block(b);
            }
            DocxFontEmbedder.embedSarabun(d);
            d.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void styles() {
        CTStyles st = CTStyles.Factory.newInstance();
        CTRPr d = st.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        fonts(d.addNewRFonts());
        d.addNewSz().setVal(BigInteger.valueOf(BODY_HALF_POINTS));
        d.addNewSzCs().setVal(BigInteger.valueOf(BODY_HALF_POINTS));
        // Thai is a complex script, so its language goes in bidi; val is for Latin text, which LibreOffice
        // otherwise breaks with the Thai dictionary ("Transparency A|ssessment").
        CTLanguage lang = d.addNewLang();
        lang.setVal("en-US");
        lang.setBidi("th-TH");
        XWPFStyles styles = doc.createStyles();
        styles.setStyles(st);
        styles.addStyle(heading("Heading1", "heading 1", 0, 36));
        styles.addStyle(heading("Heading2", "heading 2", 1, 32));
    }

    private static void fonts(CTFonts f) {
        f.setAscii(Fonts.FAMILY);
        f.setHAnsi(Fonts.FAMILY);
        f.setCs(Fonts.FAMILY);
        f.setEastAsia(Fonts.FAMILY);
    }

    private static XWPFStyle heading(String id, String name, int outline, int halfPoints) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewQFormat();
        var ppr = s.addNewPPr();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        ppr.addNewKeepNext();
        var spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(outline == 0 ? 240 : 160));
        spacing.setAfter(BigInteger.valueOf(80));
        CTRPr r = s.addNewRPr();
        fonts(r.addNewRFonts());
        r.addNewB();
        r.addNewBCs();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        r.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        if (outline == 0) {
            r.addNewColor().setVal("0B4F8A");
        }
        return new XWPFStyle(s);
    }

    private void page() {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1418));
        mar.setBottom(BigInteger.valueOf(1134));
        mar.setLeft(BigInteger.valueOf(1701));
        mar.setRight(BigInteger.valueOf(1134));
        mar.setHeader(BigInteger.valueOf(709));
        mar.setFooter(BigInteger.valueOf(709));
        // Word prints Thai digits for the section's thaiNumbers format (the \\* ThaiArabic switch gives Thai
        // letters in LibreOffice); LibreOffice 7.4 cannot import any Thai-digit page format and prints 1, 2, 3.
        sect.addNewPgNumType().setFmt(digits == DigitStyle.THAI ? STNumberFormat.THAI_NUMBERS : STNumberFormat.DECIMAL);
        sect.addNewTitlePg();
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = header.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "- ", false, BODY_HALF_POINTS);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " -", false, BODY_HALF_POINTS);
    }

    static XWPFRun run(XWPFParagraph p, String text, boolean bold, int halfPoints) {
        XWPFRun r = p.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
        CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        if (bold) {
            rpr.addNewB();
            rpr.addNewBCs();
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return r;
    }

    private void block(Block b) {
        if (b instanceof Block.Cover c) {
            cover(c);
        } else if (b instanceof Block.Heading h) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(h.level() == 1 ? "Heading1" : "Heading2");
            XWPFRun r = p.createRun();
            r.setText(h.full());
        } else if (b instanceof Block.Paragraph para) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.THAI_DISTRIBUTE);
            p.setIndentationFirstLine(720);
            p.setSpacingAfter(80);
            run(p, para.text(), false, BODY_HALF_POINTS);
        } else if (b instanceof Block.Bullets l) {
            for (String item : l.items()) {
                XWPFParagraph p = doc.createParagraph();
                p.setIndentationLeft(1080);
                p.setIndentationHanging(360);
                run(p, "•\t" + item, false, BODY_HALF_POINTS);
            }
        } else if (b instanceof Block.Table t) {
            table(t);
        } else if (b instanceof Block.BarChart c) {
            chart(c);
        } else if (b instanceof Block.SignOff s) {
            signOff(s);
        } else if (b instanceof Block.PageBreak) {
            doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        }
    }

    private void signOff(Block.SignOff s) {
        XWPFParagraph h = doc.createParagraph();
        h.setAlignment(ParagraphAlignment.CENTER);
        h.setSpacingBefore(480);
        h.setKeepNext(true);
        run(h, s.heading(), true, BODY_HALF_POINTS);
        // the whole block kept on one page: every line but the very last keeps with the next
        for (int k = 0; k < s.signers().size(); k++) {
            java.util.List<String> signer = s.signers().get(k);
            boolean lastSigner = k == s.signers().size() - 1;
            for (int i = 0; i < signer.size(); i++) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingBefore(i == 0 ? 480 : 0);
                p.setKeepNext(!lastSigner || i < signer.size() - 1);
                run(p, signer.get(i), false, BODY_HALF_POINTS);
            }
        }
    }

    private void cover(Block.Cover c) {
        XWPFParagraph space = doc.createParagraph();
        space.setSpacingBefore(c.logo() == null ? 3000 : 800);
        if (c.logo() != null) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            try {
                boolean jpeg = c.logo().length > 2 && (c.logo()[0] & 0xFF) == 0xFF && (c.logo()[1] & 0xFF) == 0xD8;
                // fitted into a 100-point square, keeping the logo's own proportions
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new ByteArrayInputStream(c.logo()));
                double scale = img == null ? 1 : 100.0 / Math.max(img.getWidth(), img.getHeight());
                double w = img == null ? 100 : img.getWidth() * scale;
                double h = img == null ? 100 : img.getHeight() * scale;
                p.createRun().addPicture(new ByteArrayInputStream(c.logo()),
                        jpeg ? Document.PICTURE_TYPE_JPEG : Document.PICTURE_TYPE_PNG, jpeg ? "logo.jpg" : "logo.png",
                        Units.toEMU(w), Units.toEMU(h));
            } catch (InvalidFormatException | IOException e) {
                throw new IllegalArgumentException("the logo is not a readable image", e);
            }
        }
        for (String line : c.title()) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, line, true, 44);
        }
        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingBefore(2400);
        for (String line : c.agency()) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, line, true, 36);
        }
        XWPFParagraph date = doc.createParagraph();
        date.setAlignment(ParagraphAlignment.CENTER);
        run(date, c.date(), false, BODY_HALF_POINTS);
    }

    private void table(Block.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        float[] points = TableLayout.widths(t, USABLE_TWIPS / 20f, TABLE_HALF_POINTS / 2f, CELL_MARGIN_TWIPS * 2 / 20f);
        int[] twips = new int[points.length];
        for (int c = 0; c < points.length; c++) {
            twips[c] = Math.round(points[c] * 20);
        }
        fixedGrid(table, twips);
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        for (int c = 0; c < t.header().size(); c++) {
            XWPFTableCell cell = head.getCell(c);
            cell.setColor("DCE6F1");
            width(cell, twips[c]);
            write(cell, t.header().get(c), true, false);
            cell.getParagraphs().get(0).getCTP().getPPr().addNewKeepNext();
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < t.header().size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                width(cell, twips[c]);
                write(cell, t.rows().get(r).get(c), false, t.numeric()[c]);
            }
        }
        doc.createParagraph();
    }

    /** Fixed layout with the grid and the table width in twips, so Word and LibreOffice keep the computed widths. */
    private static void fixedGrid(XWPFTable table, int[] twips) {
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        int total = 0;
        for (int w : twips) {
            total += w;
        }
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(total));
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblCellMar mar = pr.isSetTblCellMar() ? pr.getTblCellMar() : pr.addNewTblCellMar();
        for (CTTblWidth side : new CTTblWidth[] {mar.addNewLeft(), mar.addNewRight()}) {
            side.setType(STTblWidth.DXA);
            side.setW(BigInteger.valueOf(CELL_MARGIN_TWIPS));
        }
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : twips) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
    }

    private static void width(XWPFTableCell cell, int twips) {
        var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
    }

    private static void write(XWPFTableCell cell, String text, boolean bold, boolean numeric) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(numeric ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        run(p, text, bold, TABLE_HALF_POINTS);
    }

    private void chart(Block.BarChart c) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle("Heading2");
        caption.createRun().setText(c.title());
        if (c.hasPrevious()) {
            XWPFParagraph legend = doc.createParagraph();
            XWPFRun a = run(legend, "■ ", false, TABLE_HALF_POINTS);
            a.setColor("0B4F8A");
            run(legend, c.currentLabel() + "    ", false, TABLE_HALF_POINTS);
            XWPFRun b = run(legend, "■ ", false, TABLE_HALF_POINTS);
            b.setColor("A9C4E0");
            run(legend, c.previousLabel(), false, TABLE_HALF_POINTS);
            legend.getCTP().addNewPPr().addNewKeepNext();
        }
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.getCTP().addNewPPr().addNewKeepNext();
        int widthPt = 450;
        int heightPt = Math.round(widthPt * ChartImage.height(c) / (float) ChartImage.WIDTH);
        try {
            p.createRun().addPicture(new ByteArrayInputStream(ChartImage.png(c)), Document.PICTURE_TYPE_PNG, "chart.png",
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("cannot embed the chart", e);
        }
        XWPFParagraph note = doc.createParagraph();
        note.setSpacingAfter(160);
        run(note, ChartScale.of(c).note(), false, NOTE_HALF_POINTS);
    }
}
