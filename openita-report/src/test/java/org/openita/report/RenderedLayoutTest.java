package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * The demo report and a follow-up report as people see them: the DOCX opened by LibreOffice, the PDF from OpenPDF
 * and the HTML printed by Chromium, each read back as text. PNGs of every page are left under target/samples/png.
 */
class RenderedLayoutTest {

    static final Path DIR = Path.of("target", "samples", "layout");
    static ReportDocument samdet;
    static ReportDocument followUp;

    @BeforeAll
    static void render() throws Exception {
        Files.createDirectories(DIR);
        samdet = SamdetReport.document(DigitStyle.THAI);
        followUp = FollowUpReportBuilder.build(FollowUpReportTest.followUp(), ReportOptions.defaults(LocalDate.of(2026, 11, 24)));
        Files.write(DIR.resolve("samdet-2568.docx"), DocxRenderer.render(samdet, DigitStyle.THAI));
        Files.write(DIR.resolve("samdet-2568-arabic.docx"), DocxRenderer.render(SamdetReport.document(DigitStyle.ARABIC), DigitStyle.ARABIC));
        Files.write(DIR.resolve("follow-up-2569.docx"), DocxRenderer.render(followUp, DigitStyle.THAI));
        Files.write(DIR.resolve("samdet-2568.pdf"), PdfRenderer.render(samdet, DigitStyle.THAI));
        Files.write(DIR.resolve("follow-up-2569.pdf"), PdfRenderer.render(followUp, DigitStyle.THAI));
        Files.writeString(DIR.resolve("samdet-2568.html"), HtmlRenderer.render(samdet, DigitStyle.THAI));
    }

    /** The words of the report as the pages carry them, with the page-number line of each page left out. */
    private static List<String> lines(List<String> pages) {
        List<String> lines = new ArrayList<>();
        for (String page : pages) {
            page.strip().replaceFirst("^-\\s*[0-9๐-๙]+\\s*-?", "").lines().forEach(lines::add);
        }
        return lines;
    }

    private static void noWordBroken(List<String> pages, ReportDocument doc, boolean libreOffice, int atLeast) {
        LineBreaks.Result r = LineBreaks.check(lines(pages), LineBreaks.units(doc), libreOffice);
        assertThat(r.checked()).as("line ends inside a text of the report that were checked").isGreaterThan(atLeast);
        assertThat(r.broken()).as("words broken across lines or inside table cells").isEmpty();
    }

    /** The last line on each page but the last is never a heading or a chart's caption. */
    private static void noHeadingAloneAtPageFoot(List<String> pages, ReportDocument doc) {
        List<String> headings = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Heading h) {
                headings.add(h.full().replaceAll("\\s+", ""));
            } else if (b instanceof Block.BarChart c) {
                headings.add(c.title().replaceAll("\\s+", ""));
            }
        }
        List<String> alone = new ArrayList<>();
        for (int p = 0; p + 1 < pages.size(); p++) {
            List<String> body = pages.get(p).strip().replaceFirst("^-\\s*[0-9๐-๙]+\\s*-?", "").lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            if (!body.isEmpty() && headings.contains(body.get(body.size() - 1).replaceAll("\\s+", ""))) {
                alone.add("page " + (p + 1) + ": " + body.get(body.size() - 1));
            }
        }
        assertThat(alone).as("headings left alone at the foot of a page").isEmpty();
    }

    /** "- ๒ -" at the top of page 2 and so on (the cover has none): the text of the top 62 points of each page. */
    private static List<String> pageNumbers(Path pdf) throws Exception {
        String top = ExternalTools.run(List.of("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "0", "-W", "600", "-H", "62",
                pdf.toString(), "-"), null);
        List<String> pages = new ArrayList<>(List.of(top.split("\f", -1)));
        pages.remove(pages.size() - 1);
        List<String> found = new ArrayList<>();
        Pattern number = Pattern.compile("^-\\s*([0-9๐-๙]+|[ก-ฮ](?=\\s*-))");
        for (String page : pages) {
            Matcher m = number.matcher(page.strip());
            found.add(m.find() ? m.group(1) : "");
        }
        return found;
    }

    @Test
    void libreOfficeBreaksNoWordAndKeepsHeadingsWithTheirText() throws Exception {
        List<String> pages = ExternalTools.pages(ExternalTools.libreOfficePdf(DIR.resolve("samdet-2568.docx")));
        ExternalTools.pngs(DIR.resolve("libreoffice").resolve("samdet-2568.pdf"), "lo-samdet");
        noWordBroken(pages, samdet, true, 40);
        noHeadingAloneAtPageFoot(pages, samdet);
        List<String> followUpPages = ExternalTools.pages(ExternalTools.libreOfficePdf(DIR.resolve("follow-up-2569.docx")));
        noWordBroken(followUpPages, followUp, true, 10);
        noHeadingAloneAtPageFoot(followUpPages, followUp);
    }

    /**
     * Word prints the section's thaiNumbers page format in Thai digits. LibreOffice 7.4 imports no Thai-digit page
     * format from DOCX (its importer maps Word's Thai formats to Thai letters, which is what the old \* ThaiArabic
     * switch gave: ข, ค, ...), so there the numbers are the plain 2, 3, ...: never letters, always the right page.
     */
    @Test
    void pageNumbersAreNumbersInLibreOfficeAndThaiDigitsForWord() throws Exception {
        List<String> numbers = pageNumbers(ExternalTools.libreOfficePdf(DIR.resolve("samdet-2568.docx")));
        assertThat(numbers.get(0)).as("no number on the cover").isEmpty();
        for (int p = 1; p < numbers.size(); p++) {
            assertThat(ThaiFormat.toArabicDigits(numbers.get(p))).as("page %d", p + 1).isEqualTo(Integer.toString(p + 1));
        }
        try (XWPFDocument thai = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(DIR.resolve("samdet-2568.docx"))));
             XWPFDocument arabic = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(DIR.resolve("samdet-2568-arabic.docx"))))) {
            assertThat(thai.getDocument().getBody().getSectPr().getPgNumType().getFmt()).hasToString("thaiNumbers");
            assertThat(arabic.getDocument().getBody().getSectPr().getPgNumType().getFmt()).hasToString("decimal");
            assertThat(thai.getHeaderList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("w:instr=\"PAGE\"").doesNotContain("ThaiArabic");
        }
    }

    @Test
    void thePdfBreaksNoWordInCellsAndKeepsHeadingsWithTheirText() throws Exception {
        List<String> pages = ExternalTools.pages(DIR.resolve("samdet-2568.pdf"));
        ExternalTools.pngs(DIR.resolve("samdet-2568.pdf"), "pdf-samdet");
        noWordBroken(pages, samdet, false, 40);
        noHeadingAloneAtPageFoot(pages, samdet);
        List<String> followUpPages = ExternalTools.pages(DIR.resolve("follow-up-2569.pdf"));
        noWordBroken(followUpPages, followUp, false, 5);
        noHeadingAloneAtPageFoot(followUpPages, followUp);
        List<String> numbers = pageNumbers(DIR.resolve("samdet-2568.pdf"));
        for (int p = 1; p < numbers.size(); p++) {
            assertThat(numbers.get(p)).as("page %d", p + 1).isEqualTo(ThaiFormat.digits(Integer.toString(p + 1), DigitStyle.THAI));
        }
    }

    /** Printed from Chromium: A4 pages with their numbers in Thai digits, and no more pages than the PDF has plus two. */
    @Test
    void theHtmlPrintsOnA4WithPageNumbers() throws Exception {
        Path printed = ExternalTools.chromiumPdf(DIR.resolve("samdet-2568.html"));
        ExternalTools.pngs(printed, "html-samdet");
        List<String> pages = ExternalTools.pages(printed);
        int pdfPages = ExternalTools.pages(DIR.resolve("samdet-2568.pdf")).size();
        assertThat(pages.size()).isBetween(pdfPages - 3, pdfPages + 2);
        List<String> numbers = pageNumbers(printed);
        assertThat(numbers).hasSize(pages.size());
        assertThat(numbers.get(0)).isEmpty();
        for (int p = 1; p < numbers.size(); p++) {
            assertThat(numbers.get(p)).as("page %d", p + 1).isEqualTo(ThaiFormat.digits(Integer.toString(p + 1), DigitStyle.THAI));
        }
        String size = ExternalTools.run(List.of("pdfinfo", printed.toString()), null);
        assertThat(size).containsPattern("Page size:\\s+59[45](\\.\\d+)? x 84[12]");
        noHeadingAloneAtPageFoot(pages, samdet);
        noWordBroken(pages, samdet, false, 40);
    }
}
