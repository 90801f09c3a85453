package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.ToolCode;
import org.openita.core.thai.DigitStyle;
import org.openita.report.SurveyKits.Kit;
import org.openita.report.SurveyKits.Slip;
import org.openita.report.SurveyKits.SlipSheet;

/**
 * The poster, table card and IIT slips read back as printed: their Thai text through PDFBox, their QR codes from
 * pictures of the pages through zxing, their text placed inside the panel or slip it belongs to.
 */
class SurveyKitsTest {

    static final String AGENCY = "องค์การบริหารส่วนตำบลสมเด็จ";
    static final String EIT_URL = "https://ita.example.go.th/s/eit/5460501";
    static final String IIT_URL = "https://ita.example.go.th/s/iit/5460501";
    static final FiscalYear YEAR = FiscalYear.of(2569);

    static Kit eit(String agency, DigitStyle digits) {
        return new Kit(ToolCode.EIT, agency, YEAR, EIT_URL, 9, digits);
    }

    /** Codes of twelve letters and digits without look-alikes, as the server might make them. */
    static List<Slip> slips(int n) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.util.Random random = new java.util.Random(n);
        List<Slip> slips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 12; j++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            slips.add(new Slip(code.toString(), IIT_URL + "?slip=" + code));
        }
        return slips;
    }

    @Test
    void theEitPosterReadsBackTheAgencyTheYearInThaiDigitsAndTheLink() throws Exception {
        byte[] pdf = SurveyKits.poster(eit(AGENCY, DigitStyle.THAI));
        KitPdfs.save(pdf, "poster-eit");
        String text = KitPdfs.text(pdf).replace('\u00A0', ' ');
        assertThat(text).contains(AGENCY, "ปีงบประมาณ พ.ศ. ๒๕๖๙", EIT_URL, "ร่วมประเมินคุณธรรมและความโปร่งใส",
                "ตอบคำถาม ๙ ข้อ", "ประมาณ ๓ นาที", "ไม่ต้องบอกชื่อ");
        assertThat(text).doesNotContain("2569").doesNotContain("\u0E4D\u0E32"); // ำ read back whole, never ํ + า
        // no internal codes on a printout for the public
        assertThat(text).doesNotContain("EIT").doesNotContain("IIT").doesNotContain("ToolCode");
        try (var d = KitPdfs.open(pdf)) {
            assertThat(d.getNumberOfPages()).isEqualTo(1);
            assertThat(d.getPage(0).getMediaBox().getWidth()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(d.getPage(0).getMediaBox().getHeight()).isEqualTo(842f, org.assertj.core.data.Offset.offset(1f));
        }
    }

    @Test
    void theIitPosterSpeaksToStaffInArabicDigitsWhenAsked() throws Exception {
        byte[] pdf = SurveyKits.poster(new Kit(ToolCode.IIT, AGENCY, YEAR, IIT_URL, 15, DigitStyle.ARABIC));
        KitPdfs.save(pdf, "poster-iit");
        String text = KitPdfs.text(pdf).replace('\u00A0', ' ');
        assertThat(text).contains(AGENCY, "ปีงบประมาณ พ.ศ. 2569", IIT_URL, "ภายในหน่วยงาน", "บุคลากร", "ตอบคำถาม 15 ข้อ",
                "ประมาณ 5 นาที");
        assertThat(text).doesNotContain("๒๕๖๙");
        assertThat(KitPdfs.decode(KitPdfs.render(pdf, 0, 72))).isEqualTo(IIT_URL);
    }

    @Test
    void thePosterQrCodeIsVectorAndDecodesToTheLink() throws Exception {
        byte[] pdf = SurveyKits.poster(eit(AGENCY, DigitStyle.THAI));
        assertThat(KitPdfs.rasterImages(pdf)).isZero();
        BufferedImage page = KitPdfs.render(pdf, 0, 72);
        KitPdfs.save(page, "poster-eit-72dpi");
        assertThat(KitPdfs.decode(page)).isEqualTo(EIT_URL);
    }

    @Test
    void theQrCodesUseErrorCorrectionMAndKeepAQuietZoneOfFourModules() throws Exception {
        Kit kit = eit(AGENCY, DigitStyle.THAI);
        int modules = QrSymbol.of(EIT_URL).modules();
        BufferedImage poster = KitPdfs.render(SurveyKits.poster(kit), 0, 72);
        BufferedImage card = KitPdfs.render(SurveyKits.tableCard(kit), 0, 72);
        card = KitPdfs.crop(card, KitPages.CARD.getHeight(), 72,
                new Rectangle2D.Float(0, 0, KitPages.CARD.getWidth(), KitPages.CARD.getHeight() / 2));
        Slip slip = slips(1).get(0);
        BufferedImage slipPage = KitPdfs.render(SurveyKits.slips(new SlipSheet(AGENCY, YEAR, "ita.example.go.th/slip",
                List.of(slip), DigitStyle.THAI)), 0, 150);
        com.lowagie.text.Rectangle r = SlipPages.cell(0);
        BufferedImage slipCell = KitPdfs.crop(slipPage, SlipPages.PAGE.getHeight(), 150,
                new Rectangle2D.Float(r.getLeft(), r.getBottom(), r.getWidth(), r.getHeight()));
        for (BufferedImage image : List.of(poster, card, slipCell)) {
            com.google.zxing.Result read = KitPdfs.read(image);
            assertThat(read.getResultMetadata().get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL))
                    .isEqualTo("M");
            int n = image == slipCell ? QrSymbol.of(slip.url()).modules() : modules;
            assertThat(KitPdfs.darkestInQuietZone(image, read, n)).as("darkest pixel in the quiet zone").isGreaterThan(230);
        }
    }

    @Test
    void anEnglishPosterIsPossible() throws Exception {
        byte[] pdf = SurveyKits.poster(eit(AGENCY, DigitStyle.ARABIC), Locale.ENGLISH);
        KitPdfs.save(pdf, "poster-eit-en");
        String text = KitPdfs.text(pdf).replace('\u00A0', ' ');
        assertThat(text).contains(AGENCY, "Fiscal year 2026 (B.E. 2569)", "Answer 9 questions", "about 3 minutes", EIT_URL);
        assertThat(text).doesNotContain("ปีงบประมาณ");
        assertThat(KitPdfs.decode(KitPdfs.render(pdf, 0, 72))).isEqualTo(EIT_URL);
    }

    @Test
    void bothPanelsOfTheTableCardCarryACodeForTheLink() throws Exception {
        byte[] pdf = SurveyKits.tableCard(eit(AGENCY, DigitStyle.THAI));
        KitPdfs.save(pdf, "table-card-eit");
        float w = KitPages.CARD.getWidth();
        float h = KitPages.CARD.getHeight();
        assertThat(w).isGreaterThan(h); // landscape
        BufferedImage page = KitPdfs.render(pdf, 0, 100);
        KitPdfs.save(page, "table-card-eit-100dpi");
        BufferedImage lower = KitPdfs.crop(page, h, 100, new Rectangle2D.Float(0, 0, w, h / 2));
        BufferedImage upper = KitPdfs.crop(page, h, 100, new Rectangle2D.Float(0, h / 2, w, h / 2));
        assertThat(KitPdfs.decode(lower)).isEqualTo(EIT_URL);
        assertThat(KitPdfs.decode(upper)).isEqualTo(EIT_URL); // upside down on the sheet, upright once folded
        // the lower panel reads upright; the upper one is the same panel turned half a turn
        List<KitPdfs.Glyph> glyphs = KitPdfs.glyphs(pdf);
        assertThat(glyphs.stream().filter(g -> g.direction() == 0)).hasSizeGreaterThan(100)
                .allSatisfy(g -> assertThat(g.y()).isBetween(0f, h / 2));
        assertThat(glyphs.stream().filter(g -> g.direction() == 180)).hasSizeGreaterThan(100)
                .allSatisfy(g -> assertThat(g.y()).isBetween(h / 2, h));
        assertThat(KitPdfs.text(pdf)).contains(AGENCY, "ปีงบประมาณ พ.ศ. ๒๕๖๙", EIT_URL);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 9, 19})
    void everySlipsCodeDecodesToItsOwnLinkAndThePagesAreAsMany(int n) throws Exception {
        List<Slip> slips = slips(n);
        byte[] pdf = SurveyKits.slips(new SlipSheet(AGENCY, YEAR, "ita.example.go.th/slip", slips, DigitStyle.THAI));
        KitPdfs.save(pdf, "slips-" + n);
        int pages = (n + SlipPages.PER_PAGE - 1) / SlipPages.PER_PAGE;
        try (var d = KitPdfs.open(pdf)) {
            assertThat(d.getNumberOfPages()).isEqualTo(pages);
        }
        assertThat(KitPdfs.rasterImages(pdf)).isZero();
        float dpi = 150;
        for (int p = 0; p < pages; p++) {
            BufferedImage page = KitPdfs.render(pdf, p, dpi);
            if (p == 0) {
                KitPdfs.save(page, "slips-" + n + "-page1-150dpi");
            }
            String text = KitPdfs.text(pdf, p + 1);
            for (int i = 0; i < SlipPages.PER_PAGE && p * SlipPages.PER_PAGE + i < n; i++) {
                Slip slip = slips.get(p * SlipPages.PER_PAGE + i);
                com.lowagie.text.Rectangle r = SlipPages.cell(i);
                BufferedImage cell = KitPdfs.crop(page, SlipPages.PAGE.getHeight(), dpi,
                        new Rectangle2D.Float(r.getLeft(), r.getBottom(), r.getWidth(), r.getHeight()));
                assertThat(KitPdfs.decode(cell)).as("slip %d", p * SlipPages.PER_PAGE + i).isEqualTo(slip.url());
                assertThat(text).contains(slip.grouped());
            }
            assertThat(text).contains(AGENCY, "ปีงบประมาณ พ.ศ. ๒๕๖๙", "ita.example.go.th/slip", "ใช้ได้ครั้งเดียว");
        }
    }

    @Test
    void englishSlipsArePossible() throws Exception {
        List<Slip> slips = slips(3);
        byte[] pdf = SurveyKits.slips(new SlipSheet(AGENCY, YEAR, "ita.example.go.th/slip", slips, DigitStyle.ARABIC),
                Locale.ENGLISH);
        KitPdfs.save(pdf, "slips-3-en");
        String text = KitPdfs.text(pdf).replace("\n", " ").replace("\r", "");
        assertThat(text).contains(AGENCY, "Staff survey", "Fiscal year 2026 (B.E. 2569)", "Your code", slips.get(2).grouped(),
                "type this code at", "Works once");
        assertThat(text).doesNotContain("ปีงบประมาณ");
    }

    /** Every shown run matched to its text, so readers that use the fonts' ToUnicode maps alone read it right. */
    @Test
    void everyRunIsRepairedForToUnicodeReaders() {
        Kit kit = eit(AGENCY, DigitStyle.THAI);
        SlipSheet sheet = new SlipSheet(AGENCY, YEAR, "ita.example.go.th/slip", slips(9), DigitStyle.THAI);
        for (ToUnicodeRepair.Repaired r : List.of(SurveyKits.posterRepaired(kit, SurveyKits.THAI),
                SurveyKits.tableCardRepaired(kit, SurveyKits.THAI), SurveyKits.slipsRepaired(sheet, SurveyKits.THAI))) {
            assertThat(r.runs()).isGreaterThanOrEqualTo(8);
            assertThat(r.left()).as("runs left unmatched").isZero();
        }
    }

    /** pdfminer reads glyph by glyph through the ToUnicode maps, ignoring /ActualText (ADR 0012). */
    @Test
    void pdfminerReadsThePosterAndSlipsWhole() throws Exception {
        java.nio.file.Path pdf2txt = java.nio.file.Path.of("/usr/bin/pdf2txt");
        ExternalTools.require(pdf2txt);
        java.nio.file.Path poster = KitPdfs.save(SurveyKits.poster(eit(AGENCY, DigitStyle.THAI)), "poster-eit-pdfminer");
        String text = ExternalTools.run(List.of(pdf2txt.toString(), poster.toString()), null).replace('\u00A0', ' ');
        assertThat(text).contains(AGENCY, "ปีงบประมาณ พ.ศ. ๒๕๖๙", "ร่วมประเมินคุณธรรมและความโปร่งใส", "ตอบคำถาม ๙ ข้อ",
                "ประมาณ ๓ นาที", EIT_URL);
        List<Slip> slips = slips(3);
        java.nio.file.Path sheet = KitPdfs.save(SurveyKits.slips(new SlipSheet(AGENCY, YEAR, "ita.example.go.th/slip",
                slips, DigitStyle.THAI)), "slips-3-pdfminer");
        String slipText = ExternalTools.run(List.of(pdf2txt.toString(), sheet.toString()), null);
        assertThat(slipText).contains(AGENCY, "แบบประเมินสำหรับบุคลากร", "ปีงบประมาณ พ.ศ. ๒๕๖๙", slips.get(1).grouped(),
                "ใช้ได้ครั้งเดียว");
    }

    @Test
    void aSlipCodeIsPrintedInGroupsOfFour() {
        assertThat(new Slip("ABCDEFGHJKLM", IIT_URL).grouped()).isEqualTo("ABCD-EFGH-JKLM");
        assertThat(new Slip("abcd-efgh-jk", IIT_URL).grouped()).isEqualTo("abcd-efgh-jk");
        assertThat(new Slip("AB12", IIT_URL).grouped()).isEqualTo("AB12");
        assertThat(new Slip("ABCDE", IIT_URL).grouped()).isEqualTo("ABCD-E");
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> new Kit(ToolCode.OIT, AGENCY, YEAR, EIT_URL, 9, DigitStyle.THAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OIT");
        assertThatThrownBy(() -> eit(" ", DigitStyle.THAI)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eit("ก".repeat(SurveyKits.MAX_AGENCY_NAME + 1), DigitStyle.THAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agency name");
        assertThatThrownBy(() -> new Kit(ToolCode.EIT, AGENCY, YEAR, "https://x/ y", 9, DigitStyle.THAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link");
        assertThatThrownBy(() -> new Kit(ToolCode.EIT, AGENCY, YEAR, EIT_URL, 0, DigitStyle.THAI))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slip("รหัส", IIT_URL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlipSheet(AGENCY, YEAR, "x", List.of(), DigitStyle.THAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 2000");
        List<Slip> tooMany = java.util.Collections.nCopies(SurveyKits.MAX_SLIPS + 1, new Slip("AAAA", IIT_URL));
        assertThatThrownBy(() -> new SlipSheet(AGENCY, YEAR, "x", tooMany, DigitStyle.THAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minutesFollowTheQuestionCount() {
        assertThat(SurveyKits.minutes(1)).isEqualTo(2);
        assertThat(SurveyKits.minutes(9)).isEqualTo(3);
        assertThat(SurveyKits.minutes(15)).isEqualTo(5);
        assertThat(SurveyKits.minutes(30)).isEqualTo(10);
    }

    @Test
    void thaiAndEnglishPhrasesHaveTheSameKeys() {
        assertThat(KitPhrases.of(Locale.ENGLISH).keys()).isEqualTo(KitPhrases.of(SurveyKits.THAI).keys());
    }
}
