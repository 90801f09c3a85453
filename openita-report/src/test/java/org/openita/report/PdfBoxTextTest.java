package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;

/**
 * The demo agency's PDF read by PDFBox 3 as Apache Tika and other Java tools read it: its text stripper, which takes
 * each run's /ActualText. (Read through the fonts' ToUnicode maps alone, PDFBox joins a mark drawn a little to the
 * right of its letter to the next letter; pdf.js and pdfminer, which read ToUnicode alone, are in
 * {@link ReaderExtractionTest}. ADR 0012 says why the maps are written for them.)
 */
class PdfBoxTextTest {

    static ToUnicodeRepair.Repaired repaired;
    static String text;

    @BeforeAll
    static void render() throws Exception {
        repaired = PdfRenderer.renderRepaired(SamdetReport.document(DigitStyle.THAI), DigitStyle.THAI);
        try (var document = Loader.loadPDF(repaired.pdf())) {
            text = new PDFTextStripper().getText(document);
        }
        Path out = Path.of("target", "samples", "samdet-2568.pdfbox.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    @Test
    void everyShownRunIsMatchedToItsText() {
        assertThat(repaired.runs()).isGreaterThan(300);
        assertThat(repaired.left()).as("runs whose glyphs could not be matched to their text").isZero();
    }

    @Test
    void thaiWordsReadBackWhole() {
        assertThat(text).contains("ดำเนินการ", "ความสำเร็จ", "แต่งตั้ง", "จังหวัดกาฬสินธุ์", "ที่", "ผู้รับบริการ", "ปีงบประมาณ พ.ศ. ๒๕๖๘",
                "องค์การบริหารส่วนตำบลสมเด็จ", "อำเภอสมเด็จ");
        assertThat(text).doesNotContain("\u0E4D\u0E32"); // ำ must not come apart into ํ + า
        assertThat(text).doesNotContain("\u0000").doesNotContain("\u200B");
    }

    @Test
    void noMarkIsLeftOnALineOfItsOwn() {
        List<String> markOnly = text.lines().filter(l -> !l.isBlank())
                .filter(l -> l.strip().codePoints().allMatch(PdfBoxTextTest::isThaiMark)).toList();
        assertThat(markOnly).isEmpty();
        // nor at the start of a word, where no Thai word begins
        assertThat(text).doesNotContainPattern("(^|\\s)[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]");
    }

    /** Every Thai word of the PDF is a word of the HTML report for the same input, and the other way round. */
    @Test
    void thaiWordsAreThoseOfTheHtmlReport() throws Exception {
        ReportDocument doc = SamdetReport.document(DigitStyle.THAI);
        String html = HtmlRenderer.render(doc).replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]+>", "\n")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        Set<String> fromHtml = thaiWords(html);
        Set<String> fromPdf = thaiWords(text);
        assertThat(fromPdf.size()).isGreaterThan(300);
        assertThat(difference(fromPdf, fromHtml)).as("Thai words in the PDF but not in the HTML").isEmpty();
        assertThat(difference(fromHtml, fromPdf)).as("Thai words in the HTML but not in the PDF").isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** The dictionary words with Thai letters, each line segmented on its own (lines break only between words). */
    static Set<String> thaiWords(String s) {
        Set<String> words = new TreeSet<>();
        BreakIterator it = BreakIterator.getWordInstance(Locale.forLanguageTag("th-TH"));
        for (String line : s.split("\\s+")) {
            it.setText(line);
            for (int from = it.first(), to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
                String w = line.substring(from, to);
                if (w.codePoints().anyMatch(c -> c >= 0x0E01 && c <= 0x0E2E)) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static boolean isThaiMark(int c) {
        return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
    }
}
