package org.openita.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Sheets of single-use IIT slips: eight to an A4 page (two columns, four rows, each slip 105 x 74 mm) with dashed
 * cut lines. Eight rather than ten leaves room for a QR code that a phone reads easily from paper and for a code
 * printed large enough to type. Each slip's QR code is its own small form XObject, released as soon as it is
 * placed, so the page streams stay short and 2,000 slips are written in bounded memory.
 */
final class SlipPages {

    static final Rectangle PAGE = PageSize.A4;
    static final int COLUMNS = 2;
    static final int ROWS = 4;
    static final int PER_PAGE = COLUMNS * ROWS;
    static final float WIDTH = PAGE.getWidth() / COLUMNS;
    static final float HEIGHT = PAGE.getHeight() / ROWS;
    static final float PAD = 18;
    static final float QR_BOX = 124;

    private static final Color INK = PdfRenderer.INK;
    private static final Color BRAND = PdfRenderer.BRAND;
    private static final Color MUTED = new Color(0x44, 0x4c, 0x56);
    private static final int LEFT = Element.ALIGN_LEFT;

    private SlipPages() {
    }

    /** The place of the slip at {@code index} (0 to PER_PAGE - 1) on its page: left to right, then top down. */
    static Rectangle cell(int index) {
        int col = index % COLUMNS;
        int row = index / COLUMNS;
        float llx = col * WIDTH;
        float lly = PAGE.getHeight() - (row + 1) * HEIGHT;
        return new Rectangle(llx, lly, llx + WIDTH, lly + HEIGHT);
    }

    static void write(PdfWriter writer, Document document, SurveyKits.SlipSheet sheet, KitPhrases phrases) {
        String header = phrases.get("slip.title") + "  " + phrases.fill("kit.year", Map.of(
                "year", SurveyKits.digits(sheet.year().buddhistEra(), sheet.digits()),
                "yearCe", SurveyKits.digits(sheet.year().lastDay().getYear(), sheet.digits())));
        String typeAt = phrases.get("slip.typeAt");
        String once = phrases.get("slip.once");
        String codeLabel = phrases.get("slip.code");
        List<SurveyKits.Slip> slips = sheet.slips();
        var sizes = KitCanvas.sizeMemory();
        for (int start = 0; start < slips.size(); start += PER_PAGE) {
            if (start > 0) {
                document.newPage();
            }
            KitCanvas c = new KitCanvas(writer.getDirectContent(), sizes);
            cutLines(c, Math.min(PER_PAGE, slips.size() - start));
            for (int i = 0; i < PER_PAGE && start + i < slips.size(); i++) {
                slip(writer, c, cell(i), sheet.agencyName(), header, codeLabel, slips.get(start + i), typeAt,
                        sheet.typeAtUrl(), once);
            }
        }
    }

    /** Cut lines between and under the slips of a page, none across the empty part of a last page. */
    private static void cutLines(KitCanvas c, int count) {
        int rows = (count + COLUMNS - 1) / COLUMNS;
        float foot = PAGE.getHeight() - rows * HEIGHT;
        for (int col = 1; col < COLUMNS; col++) {
            c.dashed(col * WIDTH, foot, col * WIDTH, PAGE.getHeight());
        }
        for (int row = 1; row <= Math.min(rows, ROWS - 1); row++) {
            c.dashed(0, PAGE.getHeight() - row * HEIGHT, PAGE.getWidth(), PAGE.getHeight() - row * HEIGHT);
        }
    }

    private static void slip(PdfWriter writer, KitCanvas c, Rectangle r, String agency, String header, String codeLabel,
            SurveyKits.Slip slip, String typeAt, String typeAtUrl, String once) {
        float left = r.getLeft() + PAD;
        float right = r.getRight() - PAD;
        float y = r.getTop() - PAD + 6;
        y = c.text(agency, new KitCanvas.Style(true, 13, 9, INK, LEFT), 3, left, right, y, 0);
        y = c.text(header, new KitCanvas.Style(false, 10.5f, 8.5f, MUTED, LEFT), 1, left, right, y, 0);
        float qrTop = y - 2;
        float box = Math.min(QR_BOX, qrTop - (r.getBottom() + PAD - 8));
        qr(writer, c.content(), QrSymbol.of(slip.url()), left - 6, qrTop - box, box);

        float textLeft = left + box + 4;
        float ty = qrTop;
        float floor = r.getBottom() + PAD - 10;
        ty = c.text(codeLabel, new KitCanvas.Style(false, 10, 8, MUTED, LEFT), 1, textLeft, right, ty, floor);
        ty = c.text(slip.grouped(), new KitCanvas.Style(true, 17, 10, BRAND, LEFT), 1, textLeft, right, ty + 2, floor);
        ty = c.text(typeAt, new KitCanvas.Style(false, 10, 8, INK, LEFT), 2, textLeft, right, ty - 2, floor);
        ty = c.text(typeAtUrl, new KitCanvas.Style(true, 10, 7.5f, INK, LEFT), 2, textLeft, right, ty, floor);
        c.text(once, new KitCanvas.Style(false, 9.5f, 7.5f, MUTED, LEFT), 3, textLeft, right, ty - 2, floor);
    }

    /** The QR code as a form XObject of its own, written out and let go as soon as it is placed. */
    private static void qr(PdfWriter writer, PdfContentByte cb, QrSymbol qr, float x, float y, float box) {
        PdfTemplate t = cb.createTemplate(box, box);
        qr.draw(t, 0, 0, box);
        cb.addTemplate(t, x, y);
        try {
            writer.releaseTemplate(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
