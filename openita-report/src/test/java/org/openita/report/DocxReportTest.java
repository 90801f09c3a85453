package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openita.core.thai.DigitStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/** The DOCX opened and read back with POI. */
class DocxReportTest {

    static XWPFDocument doc;
    static String text;

    @BeforeAll
    static void render() throws Exception {
        byte[] bytes = DocxRenderer.render(SamdetReport.document(DigitStyle.THAI), DigitStyle.THAI);
        Path out = Path.of("target", "samples", "samdet-2568.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
        doc = new XWPFDocument(new ByteArrayInputStream(bytes));
        StringBuilder sb = new StringBuilder();
        doc.getParagraphs().forEach(p -> sb.append(p.getText()).append('\n'));
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                for (XWPFTableCell c : r.getTableCells()) {
                    sb.append(c.getText()).append('\n');
                }
            }
        }
        text = sb.toString();
    }

    private static List<XWPFRun> allRuns() {
        List<XWPFRun> runs = new ArrayList<>();
        doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                for (XWPFTableCell c : r.getTableCells()) {
                    c.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
                }
            }
        }
        return runs;
    }

    @Test
    void thaiSizeAndBoldAreSetForComplexScriptToo() {
        var defaults = doc.getStyles().getStyle("Heading1");
        assertThat(defaults).isNotNull();
        CTRPr h1 = defaults.getCTStyle().getRPr();
        assertThat(h1.sizeOfBCsArray()).isEqualTo(1);
        assertThat(h1.getSzCsArray(0).getVal()).hasToString("36");
        assertThat(h1.getRFontsArray(0).getCs()).isEqualTo("Sarabun");
        int checked = 0;
        for (XWPFRun r : allRuns()) {
            CTRPr rpr = r.getCTR().getRPr();
            if (rpr != null && rpr.sizeOfSzArray() > 0) {
                checked++;
                assertThat(rpr.sizeOfSzCsArray()).as("szCs on run '%s'", r.text()).isEqualTo(1);
                assertThat(rpr.getSzCsArray(0).getVal()).isEqualTo(rpr.getSzArray(0).getVal());
                assertThat(rpr.sizeOfBCsArray()).isEqualTo(rpr.sizeOfBArray());
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void theAgencyAndTheYearAreRightEverywhere() {
        assertThat(text).contains("องค์การบริหารส่วนตำบลสมเด็จ", "อำเภอสมเด็จ จังหวัดกาฬสินธุ์");
        Matcher agencies = Pattern.compile("องค์การบริหารส่วนตำบล(\\S+)").matcher(text);
        while (agencies.find()) {
            assertThat(agencies.group(1)).startsWith("สมเด็จ");
        }
        Matcher years = Pattern.compile("พ\\.ศ\\. ?([๐-๙]{4})").matcher(text);
        int count = 0;
        while (years.find()) {
            count++;
            assertThat(years.group(1)).isIn("๒๕๖๗", "๒๕๖๘", "๒๕๖๙");
        }
        assertThat(count).isGreaterThan(5);
    }

    @Test
    void sectionsAreNumberedConsecutively() {
        List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                .map(XWPFParagraph::getText).filter(t -> !t.startsWith("ภาคผนวก")).toList();
        assertThat(headings).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < headings.size(); i++) {
            assertThat(headings.get(i)).startsWith(org.openita.core.thai.ThaiFormat.digits((i + 1) + ".", DigitStyle.THAI) + " ");
        }
        List<String> subs = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))
                .map(XWPFParagraph::getText).filter(t -> t.startsWith("๓.")).toList();
        assertThat(subs).extracting(s -> s.substring(0, 4)).containsExactly("๓.๑ ", "๓.๒ ");
    }

    @Test
    void sarabunIsEmbeddedSoTheReportNeedsNoInstalledFont() throws Exception {
        var pkg = doc.getPackage();
        var table = pkg.getPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/fontTable.xml"));
        String xml = new String(table.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("w:name=\"Sarabun\"", "w:embedRegular", "w:embedBold");
        Matcher m = Pattern.compile("w:(embedRegular|embedBold) r:id=\"(\\w+)\" w:fontKey=\"(\\{[0-9A-F-]+\\})\"").matcher(xml);
        int fonts = 0;
        while (m.find()) {
            fonts++;
            var rel = table.getRelationship(m.group(2));
            var part = pkg.getPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName(
                    org.apache.poi.openxml4j.opc.PackagingURIHelper.resolvePartUri(table.getPartName().getURI(), rel.getTargetURI())));
            byte[] restored = DocxFontEmbedder.obfuscate(part.getInputStream().readAllBytes(), m.group(3));
            String original = m.group(1).equals("embedBold") ? Fonts.BOLD : Fonts.REGULAR;
            assertThat(restored).isEqualTo(Fonts.bytes(original));
            assertThat(part.getContentType()).isEqualTo(DocxFontEmbedder.FONT_CONTENT_TYPE);
        }
        assertThat(fonts).isEqualTo(2);
    }

    @Test
    void tablesRepeatTheirHeaderRowAndChartsAreEmbedded() {
        assertThat(doc.getTables()).isNotEmpty().allSatisfy(t -> assertThat(t.getRow(0).isRepeatHeader()).isTrue());
        assertThat(doc.getAllPictures()).hasSizeGreaterThanOrEqualTo(2);
    }
}
