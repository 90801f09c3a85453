package org.openita.report;

import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.List;

/** The pages of a survey kit: the A4 poster and the folded table card. */
final class KitPages {

    static final Rectangle POSTER = PageSize.A4;
    /**
     * The table card is an A4 sheet in landscape, folded in half along its long middle into a tent of two panels
     * (297 x 105 mm each) with the upper panel drawn upside down, so both faces read upright once folded. Chosen over
     * an A5 card because it prints on any office printer with no cutting, stands on its own without a holder, and is
     * read from both sides of a service counter.
     */
    static final Rectangle CARD = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()); // no /Rotate

    /** The poster's QR code box (symbol and quiet zone): as large as the page allows, within these bounds. */
    static final float POSTER_QR_MAX = 330;
    static final float POSTER_QR_MIN = 190;
    static final float POSTER_MARGIN = 50;
    static final float CARD_MARGIN = 30;

    private static final Color INK = PdfRenderer.INK;
    private static final Color BRAND = PdfRenderer.BRAND;
    private static final Color MUTED = new Color(0x44, 0x4c, 0x56);
    private static final int CENTER = Element.ALIGN_CENTER;
    private static final int LEFT = Element.ALIGN_LEFT;

    private KitPages() {
    }

    /**
     * The poster, top down: agency, fiscal year, what to answer and for whom, then the QR code, the link in full
     * under it, and the numbered steps. The steps and link are measured first and set from the foot of the page, and
     * the QR code takes the room left between, so a long agency name makes the code smaller, never the text cut.
     */
    static void poster(KitCanvas c, KitWords w, String url) {
        float width = POSTER.getWidth();
        float height = POSTER.getHeight();
        float left = POSTER_MARGIN;
        float right = width - POSTER_MARGIN;
        c.band(0, height - 16, width, 16, BRAND);
        c.band(0, 0, width, 16, BRAND);

        float y = height - 48;
        y = c.text(w.agency(), new KitCanvas.Style(true, 24, 15, INK, CENTER), 3, left, right, y, 0);
        y = c.text(w.year(), new KitCanvas.Style(false, 18, 14, INK, CENTER), 1, left, right, y, 0);
        // the title in the lines it is written in (a \n in the phrase) where a slightly smaller size allows it, rather
        // than a word alone on a line of its own
        KitCanvas.Style oneLine = new KitCanvas.Style(true, 32, 25, BRAND, CENTER);
        int lines = (int) w.title().lines().count();
        boolean asWritten = c.fits(w.title(), oneLine, lines, right - left);
        KitCanvas.Style title = asWritten ? oneLine : new KitCanvas.Style(true, 32, 22, BRAND, CENTER);
        y = c.text(w.title(), title, asWritten ? lines : lines + 1, left, right, y - 10, 0);
        y = c.text(w.audience(), new KitCanvas.Style(false, 20, 15, INK, CENTER), 2, left, right, y, 0);
        float qrTop = y - 8;

        KitCanvas.Style link = new KitCanvas.Style(true, 16, 11, BRAND, CENTER);
        KitCanvas.Style label = new KitCanvas.Style(false, 13, 11, MUTED, CENTER);
        List<String> steps = numbered(w.steps(), w);
        float stepsLeft = left + 20;
        float stepsRight = right - 20;
        KitCanvas.Style step = stepStyle(c, steps, stepsRight - stepsLeft);
        float bottom = 44;
        float stepsHeight = 0;
        for (String s : steps) {
            stepsHeight += c.measure(s, step, 2, stepsRight - stepsLeft);
        }
        float linkHeight = c.measure(w.linkLabel(), label, 1, right - left) + c.measure(url, link, 3, right - left);
        float room = qrTop - bottom - stepsHeight - 14 - linkHeight - 4;
        float box = Math.min(POSTER_QR_MAX, room);
        if (box < POSTER_QR_MIN) {
            throw new IllegalStateException("the poster has no room left for its QR code");
        }
        // room to spare (a short agency name) goes half above the QR code and half above the steps
        float spare = (room - box) / 2;
        qrTop -= spare;
        QrSymbol.of(url).draw(c.content(), (width - box) / 2, qrTop - box, box);

        float ly = qrTop - box - 4;
        ly = c.text(w.linkLabel(), label, 1, left, right, ly, 0);
        float sy = c.text(url, link, 3, left, right, ly, 0) - 14 - spare;
        for (String s : steps) {
            sy = c.text(s, step, 2, stepsLeft, stepsRight, sy, bottom - 1);
        }
    }

    /**
     * The table card: the same panel twice on one landscape sheet, the upper one turned half a turn about the
     * page's centre, with a dashed fold line between them.
     */
    static void card(KitCanvas c, KitWords w, String url) {
        float width = CARD.getWidth();
        float half = CARD.getHeight() / 2;
        QrSymbol qr = QrSymbol.of(url);
        cardPanel(c, w, url, qr, width, half);
        PdfContentByte cb = c.content();
        cb.saveState();
        cb.concatCTM(-1, 0, 0, -1, width, CARD.getHeight());
        cardPanel(c, w, url, qr, width, half);
        cb.restoreState();
        c.dashed(0, half, width, half);
    }

    /** One panel of the card, in the lower half of the sheet: QR code on the left, the words on the right. */
    private static void cardPanel(KitCanvas c, KitWords w, String url, QrSymbol qr, float width, float height) {
        c.band(0, 0, width, 10, BRAND);
        float box = height - 2 * CARD_MARGIN;
        qr.draw(c.content(), CARD_MARGIN, CARD_MARGIN, box);
        float left = CARD_MARGIN + box + 22;
        float right = width - CARD_MARGIN - 6;
        KitCanvas.Style link = new KitCanvas.Style(true, 13, 10, BRAND, LEFT);
        float linkTop = CARD_MARGIN - 4 + c.measure(url, link, 2, right - left);
        float y = height - CARD_MARGIN + 4;
        y = c.text(w.agency(), new KitCanvas.Style(true, 18, 12, INK, LEFT), 2, left, right, y, linkTop);
        y = c.text(w.year(), new KitCanvas.Style(false, 14, 11, INK, LEFT), 1, left, right, y, linkTop);
        y = c.text(w.title(), new KitCanvas.Style(true, 23, 16, BRAND, LEFT), 2, left, right, y - 2, linkTop);
        y = c.text(w.audience(), new KitCanvas.Style(false, 15, 12, INK, LEFT), 1, left, right, y, linkTop);
        KitCanvas.Style step = new KitCanvas.Style(false, 13.5f, 10, INK, LEFT, 18);
        List<String> steps = numbered(w.steps().subList(0, 3), w);
        y -= 2;
        for (String s : steps) {
            y = c.text(s, step, 2, left, right, y, linkTop);
        }
        c.text(url, link, 2, left, right, linkTop, 0);
    }

    /**
     * One size for all the poster's steps: the largest, down to 14.5 points, at which each fits on one line; when
     * one does not, 17 points with steps wrapping (and shrinking to 13 where a step would need a third line).
     */
    private static KitCanvas.Style stepStyle(KitCanvas c, List<String> steps, float width) {
        for (float size = 17; size >= 14.5f; size -= 0.5f) {
            KitCanvas.Style style = new KitCanvas.Style(false, size, size, INK, LEFT, 24);
            if (steps.stream().allMatch(s -> c.fits(s, style, 1, width))) {
                return style;
            }
        }
        return new KitCanvas.Style(false, 17, 13, INK, LEFT, 24);
    }

    /** The steps numbered in the kit's digits: "๑.  สแกน…" or "1.  Scan…". */
    private static List<String> numbered(List<String> steps, KitWords w) {
        String[] out = new String[steps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SurveyKits.digits(i + 1, w.digits()) + ".  " + steps.get(i);
        }
        return List.of(out);
    }
}
