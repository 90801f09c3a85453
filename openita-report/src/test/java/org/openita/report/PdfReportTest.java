package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.IndicatorFinding;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/** The demo agency's PDF, read back with poppler's pdftotext and rendered to PNG with pdftoppm. */
class PdfReportTest {

    static Path pdf;
    static String text;

    static void requirePoppler() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/pdftotext")) && Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("poppler-utils is not installed; run scripts/install-test-deps.sh");
        }
    }

    @BeforeAll
    static void render() throws Exception {
        pdf = Path.of("target", "samples", "samdet-2568.pdf");
        Files.createDirectories(pdf.getParent());
        Files.write(pdf, PdfRenderer.render(SamdetReport.document(DigitStyle.THAI), DigitStyle.THAI));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private static String text() throws Exception {
        requirePoppler();
        if (text == null) {
            text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        }
        return text;
    }

    @Test
    void theSignOffBlockStaysOnOnePage() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            int pages = d.getNumberOfPages();
            org.apache.pdfbox.text.PDFTextStripper last = new org.apache.pdfbox.text.PDFTextStripper();
            last.setStartPage(pages);
            last.setEndPage(pages);
            String lastPage = last.getText(d);
            // the heading and all three signers' lines share the last page
            assertThat(lastPage).contains("การรับรองรายงาน", "ผู้จัดทำรายงาน", "ผู้ตรวจสอบรายงาน", "ผู้อนุมัติรายงาน");
            assertThat(lastPage.split("ตำแหน่ง", -1)).hasSize(4);
        }
    }

    @Test
    void thaiWordsComeBackExactlyWhenCopied() throws Exception {
        String t = text();
        assertThat(t).contains("ที่", "ผู้", "ความสำเร็จ", "แต่งตั้ง", "ปีงบประมาณ พ.ศ. ๒๕๖๘", "องค์การบริหารส่วนตำบลสมเด็จ");
        assertThat(t).doesNotContain("\u0E4D\u0E32"); // ำ must not come apart into ํ + า
        assertThat(t).doesNotContain("\u200B");
    }

    @Test
    void everyFigurePrintedMatchesTheResults() throws Exception {
        String t = text();
        Analysis a = SamdetReport.analysis();
        for (IndicatorFinding f : a.ranked()) {
            assertThat(t).contains(f.name().th()).contains(ThaiFormat.score(f.score(), DigitStyle.THAI));
        }
        assertThat(t).contains("๙๙.๑๗", "๙๔.๖๐", "เพิ่มขึ้น ๔.๕๗ คะแนน");
        assertThat(t).doesNotContain("๙๙.๙๘", "๙๗.๔๕"); // tool scores the NACC did not announce are not printed
        assertThat(t).contains("๙๙.๓๘"); // next year's target: 99.17 + (100 - 99.17) / 4
    }

    /**
     * Where two consecutive extracted lines join inside one text of the report with no space between them,
     * the PDF broke a line there: that point must be a word boundary by ICU4J's Thai dictionary.
     */
    @Test
    void noLineStartsOrEndsInsideAThaiWord() throws Exception {
        List<String> lines = text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> texts = ReportBuilderTest.allText(SamdetReport.document(DigitStyle.THAI)).lines()
                .map(l -> l.replace("\n", "")).toList();
        BreakIterator words = BreakIterator.getLineInstance(Locale.forLanguageTag("th-TH"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String a = lines.get(i).replaceFirst("^•\\s+", "");
            String b = lines.get(i + 1);
            if (!isThai(a.charAt(a.length() - 1)) || !isThai(b.charAt(0))) {
                continue;
            }
            for (String t : texts) {
                int at = t.indexOf(a + b);
                if (at >= 0) {
                    checked++;
                    words.setText(t);
                    if (!words.isBoundary(at + a.length())) {
                        broken.add(a + " | " + b);
                    }
                    break;
                }
            }
        }
        assertThat(checked).as("line breaks inside Thai text checked").isGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    private static boolean isThai(char c) {
        return c >= '\u0E01' && c <= '\u0E5B' && !(c >= '\u0E50' && c <= '\u0E59');
    }

    @Test
    void pagesRenderToImages() throws Exception {
        requirePoppler();
        Path dir = Files.createDirectories(Path.of("target", "samples", "png"));
        run("pdftoppm", "-r", "50", "-png", pdf.toString(), dir.resolve("samdet-2568").toString());
        try (Stream<Path> pngs = Files.list(dir)) {
            assertThat(pngs.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(6);
        }
        String fonts = run("pdffonts", pdf.toString());
        assertThat(fonts).contains("Sarabun-Regular", "Sarabun-Bold");
    }
}
