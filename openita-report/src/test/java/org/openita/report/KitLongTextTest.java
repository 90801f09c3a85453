package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.ToolCode;
import org.openita.core.thai.DigitStyle;
import org.openita.report.SurveyKits.Kit;
import org.openita.report.SurveyKits.SlipSheet;

/**
 * A long agency name (near {@link SurveyKits#MAX_AGENCY_NAME}) and a long link wrap at word boundaries and stay
 * inside the poster's margins, the card's panel and each slip, checked from where PDFBox finds every glyph.
 */
class KitLongTextTest {

    static final String LONG_NAME = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพระนครศรีอยุธยา กรมส่งเสริมการปกครองท้องถิ่น "
            + "กระทรวงมหาดไทย ศูนย์ปฏิบัติการต่อต้านการทุจริตและประพฤติมิชอบ";
    static final String LONG_URL = "https://ita-survey.department-of-local-administration.example.go.th/s/eit/"
            + "0123456789012345678901234567890123456789?lang=th";

    static final String TYPE_AT = "https://ita-survey.local-administration.example.go.th/slip";

    static Kit kit(String url) {
        return new Kit(ToolCode.EIT, LONG_NAME, SurveyKitsTest.YEAR, url, 9, DigitStyle.THAI);
    }

    @Test
    void theNameAndTheLinksAreNearTheLongestAllowed() {
        assertThat(LONG_NAME.length()).isBetween(SurveyKits.MAX_AGENCY_NAME - 10, SurveyKits.MAX_AGENCY_NAME);
        assertThat(TYPE_AT.length()).isBetween(SurveyKits.MAX_TYPE_AT_URL - 5, SurveyKits.MAX_TYPE_AT_URL);
    }

    @Test
    void onThePosterTheNameAndTheLinkWrapAtWordBoundariesInsideTheMargins() throws Exception {
        byte[] pdf = SurveyKits.poster(kit(LONG_URL));
        KitPdfs.save(pdf, "poster-long-name");
        KitPdfs.save(KitPdfs.render(pdf, 0, 60), "poster-long-name-60dpi");
        String text = KitPdfs.text(pdf);
        assertWrapped(text, LONG_NAME, 2);
        assertThat(text.replace("\n", "").replace("\r", "")).contains(LONG_URL); // printed in full, over lines
        assertThat(text).doesNotContain(LONG_URL); // (so it did wrap)
        float left = KitPages.POSTER_MARGIN;
        float right = KitPages.POSTER.getWidth() - KitPages.POSTER_MARGIN;
        assertThat(KitPdfs.glyphs(pdf)).hasSizeGreaterThan(200).allSatisfy(g -> {
            assertThat(g.x()).isGreaterThanOrEqualTo(left - 0.5f);
            assertThat(g.x() + g.width()).isLessThanOrEqualTo(right + 0.5f);
            assertThat(g.y()).isBetween(20f, KitPages.POSTER.getHeight() - 20);
        });
        assertThat(KitPdfs.decode(KitPdfs.render(pdf, 0, 72))).isEqualTo(LONG_URL);
    }

    @Test
    void onTheTableCardTheNameStaysInItsPanel() throws Exception {
        byte[] pdf = SurveyKits.tableCard(kit(LONG_URL));
        KitPdfs.save(pdf, "table-card-long-name");
        KitPdfs.save(KitPdfs.render(pdf, 0, 60), "table-card-long-name-60dpi");
        assertWrapped(KitPdfs.text(pdf), LONG_NAME, 1);
        float half = KitPages.CARD.getHeight() / 2;
        float right = KitPages.CARD.getWidth() - KitPages.CARD_MARGIN;
        List<KitPdfs.Glyph> upright = KitPdfs.glyphs(pdf).stream().filter(g -> g.direction() == 0).toList();
        assertThat(upright).hasSizeGreaterThan(200).allSatisfy(g -> {
            assertThat(g.x()).isGreaterThan(KitPages.CARD_MARGIN);
            assertThat(g.x() + g.width()).isLessThanOrEqualTo(right + 0.5f);
            assertThat(g.y()).isBetween(KitPages.CARD_MARGIN - 15, half - 15);
        });
    }

    @Test
    void onEverySlipTheTextStaysInsideItsCutLines() throws Exception {
        List<SurveyKits.Slip> slips = SurveyKitsTest.slips(10);
        String typeAt = TYPE_AT;
        byte[] pdf = SurveyKits.slips(new SlipSheet(LONG_NAME, SurveyKitsTest.YEAR, typeAt, slips, DigitStyle.THAI));
        KitPdfs.save(pdf, "slips-long-name");
        KitPdfs.save(KitPdfs.render(pdf, 0, 60), "slips-long-name-60dpi");
        String text = KitPdfs.text(pdf);
        assertWrapped(text, LONG_NAME, 1);
        assertThat(text.replace("\n", "").replace("\r", "")).contains(typeAt);
        List<KitPdfs.Glyph> glyphs = KitPdfs.glyphs(pdf);
        assertThat(glyphs).hasSizeGreaterThan(1000).allSatisfy(g -> {
            int col = (int) (g.x() / SlipPages.WIDTH);
            int row = (int) ((SlipPages.PAGE.getHeight() - g.y()) / SlipPages.HEIGHT);
            Rectangle cell = SlipPages.cell(row * SlipPages.COLUMNS + col);
            assertThat(g.x()).isGreaterThanOrEqualTo(cell.getLeft() + SlipPages.PAD - 0.5f);
            assertThat(g.x() + g.width()).as("%s", g).isLessThanOrEqualTo(cell.getRight() - SlipPages.PAD + 0.5f);
            assertThat(g.y() + g.height()).isLessThan(cell.getTop() - 4);
            assertThat(g.y()).isGreaterThan(cell.getBottom() + 4);
        });
        for (int i = 0; i < 10; i++) {
            assertThat(text).contains(slips.get(i).grouped());
        }
    }

    /** The name comes back over several lines, each break where ICU4J allows a line to break in Thai. */
    private static void assertWrapped(String text, String name, int atLeastBreaks) {
        LineBreaks.Result r = LineBreaks.check(text.lines().toList(), List.of(name), false);
        assertThat(r.broken()).as("lines broken inside a word").isEmpty();
        assertThat(r.checked()).as("line breaks inside the agency name").isGreaterThanOrEqualTo(atLeastBreaks);
        assertThat(text.replace("\n", "").replace("\r", "").replace(" ", "")).contains(name.replace(" ", ""));
    }
}
