package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.framework.OitComponent;
import org.openita.core.framework.OitItem;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.OitEvidence;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.thai.DigitStyle;

/**
 * The OIT part of the analysis report from confirmed verdicts (component by component, as the review confirms them):
 * each item scores 100 or 0, the failed ones are listed with their score, indicators 9 and 10 and the OIT score are
 * given with how many items passed, an item without a verdict is named as having no result and nothing else is said of
 * it. Checked in the built document and read back from the PDF (PDFBox) and the DOCX (POI).
 */
class ConfirmedOitReportTest {

    static final FrameworkDefinition D = FrameworkLoader.shipped(2568);

    /** o1 fails one component, o2 has no confirmed verdict, every other item passes every component. */
    static Analysis analysis(boolean withMissing) {
        Map<String, OitEvidence> oit = new HashMap<>();
        for (OitItem item : D.oitItems()) {
            if (withMissing && item.code().equals("o2")) {
                continue;
            }
            Map<String, Boolean> components = new HashMap<>();
            for (OitComponent c : item.components()) {
                components.put(c.code(), !(item.code().equals("o1") && components.isEmpty()));
            }
            oit.put(item.code(), new OitEvidence.Verdicts(components));
        }
        AssessmentInput in = AssessmentInput.empty(D.year()).withOit(oit);
        return Analyzer.analyze(D, ScoringEngine.score(D, in), null,
                new AgencyProfile("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "กาฬสินธุ์", ReportContentTest.UNITS),
                KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
    }

    static String oitSection(String text) {
        int end = text.indexOf(Phrases.get("analysis.oit.advice"));
        return text.substring(text.lastIndexOf("(OIT)", end), end);
    }

    @Test
    void everyItemScoreIsFromTheVerdictsAndTheFailedItemIsListedWithItsZero() {
        Analysis a = analysis(false);
        assertThat(a.result().oitItems()).containsEntry("o1", 0.0).containsEntry("o2", 100.0);
        ReportDocument doc = ReportBuilder.build(a, new ReportOptions(DigitStyle.ARABIC, SamdetReport.DATE, null, false));
        String text = ReportBuilderTest.allText(doc);
        int items = D.oitItems().size();
        assertThat(text).contains("ผลการตรวจข้อ OIT ผ่าน " + (items - 1) + " ข้อ จาก " + items + " ข้อที่มีผล",
                "ข้อที่ผ่านได้ 100 คะแนน ข้อที่ไม่ผ่านได้ 0 คะแนน", "ข้อ OIT ที่ยังไม่ผ่านเกณฑ์ มีดังนี้");
        int nine = D.oitItemsOf(9).size();
        int ten = D.oitItemsOf(10).size();
        String nineScore = org.openita.core.thai.ThaiFormat.score(100.0 * (nine - 1) / nine, DigitStyle.ARABIC);
        assertThat(text).contains("ตัวชี้วัดที่ 9 " + D.indicator(9).orElseThrow().name().th() + " ได้ " + nineScore
                + " คะแนน ผ่าน " + (nine - 1) + " ข้อ จาก " + nine + " ข้อ");
        assertThat(text).contains("ตัวชี้วัดที่ 10 " + D.indicator(10).orElseThrow().name().th() + " ได้ "
                + org.openita.core.thai.ThaiFormat.score(100.0, DigitStyle.ARABIC) + " คะแนน ผ่าน " + ten + " ข้อ จาก " + ten + " ข้อ");
        assertThat(text).contains("คะแนนของแบบวัดนี้เท่ากับ "
                + org.openita.core.thai.ThaiFormat.score(a.result().tools().get("OIT"), DigitStyle.ARABIC) + " คะแนน");
        Block.Table failed = doc.blocks().stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b)
                .filter(t -> t.header().equals(List.of(Phrases.get("analysis.oit.col.code"), Phrases.get("analysis.oit.col.title"),
                        Phrases.get("analysis.oit.col.score"), Phrases.get("analysis.oit.col.advice")))).findFirst().orElseThrow();
        assertThat(failed.rows()).hasSize(1);
        assertThat(failed.rows().get(0).get(0)).isEqualTo("o1");
        assertThat(failed.rows().get(0).get(2)).isEqualTo(org.openita.core.thai.ThaiFormat.score(0.0, DigitStyle.ARABIC));
        // every passed item by code, no claim that all passed, nothing said of an item without a result
        assertThat(oitSection(text)).contains("ข้อ OIT ที่ผ่านเกณฑ์ ได้ข้อละ 100 คะแนน ได้แก่ o2")
                .doesNotContain(Phrases.fill("analysis.oit.allPassed", Map.of("count", "" + items, "full", "100")), "ยังไม่มีผลการตรวจ");
    }

    @Test
    void anItemWithoutAVerdictIsNamedAndItsIndicatorGetsNoScore() {
        Analysis a = analysis(true);
        String text = ReportBuilderTest.allText(ReportBuilder.build(a, new ReportOptions(DigitStyle.THAI, SamdetReport.DATE, null, false)));
        String oit = oitSection(text);
        assertThat(oit).contains("ข้อ o2 ยังไม่มีผลการตรวจ รายงานนี้จึงไม่กล่าวถึง", "ตัวชี้วัดที่ ๙ ")
                .contains("จึงยังไม่มีคะแนนของตัวชี้วัด").doesNotContain("ได้แก่ o2", "ได้แก่ o1", "o2 o3");
        assertThat(a.result().indicators().get(9)).isNull();
    }

    @Test
    void allItemsPassingSaysSoWithTheCount() {
        Map<String, OitEvidence> oit = new HashMap<>();
        for (OitItem item : D.oitItems()) {
            Map<String, Boolean> components = new HashMap<>();
            item.components().forEach(c -> components.put(c.code(), true));
            oit.put(item.code(), new OitEvidence.Verdicts(components));
        }
        Analysis a = Analyzer.analyze(D, ScoringEngine.score(D, AssessmentInput.empty(D.year()).withOit(oit)), null,
                new AgencyProfile("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "กาฬสินธุ์", ReportContentTest.UNITS),
                KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        String text = ReportBuilderTest.allText(ReportBuilder.build(a, new ReportOptions(DigitStyle.ARABIC, SamdetReport.DATE, null, false)));
        assertThat(text).contains("ข้อ OIT ทั้ง " + D.oitItems().size() + " ข้อผ่านเกณฑ์ ได้ข้อละ 100 คะแนน")
                .doesNotContain("ข้อ OIT ที่ยังไม่ผ่านเกณฑ์", "ยังไม่มีผลการตรวจ");
    }

    /** What the document says of the OIT is what the PDF and the DOCX say, read back. */
    @Test
    void thePdfAndTheDocxCarryTheOitFindings() throws Exception {
        Analysis a = analysis(true);
        ReportOptions options = new ReportOptions(DigitStyle.THAI, SamdetReport.DATE, null, false);
        ReportDocument doc = ReportBuilder.build(a, options);
        List<String> paragraphs = new java.util.ArrayList<>();
        boolean inOit = false;
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Heading h) {
                inOit = h.full().endsWith("(OIT)");
            } else if (inOit && b instanceof Block.Paragraph p) {
                paragraphs.add(squeeze(p.text()));
            }
        }
        String pdf;
        try (var document = Loader.loadPDF(ReportFormat.PDF.render(a, options))) {
            pdf = squeeze(new PDFTextStripper().getText(document)).replace("\n", "");
        }
        String docx = squeeze(docxText(ReportFormat.DOCX.render(a, options))).replace("\n", "");
        String joined = String.join("\n", paragraphs);
        for (String sentence : List.of("ผลการตรวจข้อOITผ่าน", "ตัวชี้วัดที่๑๐", "ข้อOITที่ยังไม่ผ่านเกณฑ์มีดังนี้", "ข้อo2ยังไม่มีผลการตรวจ",
                "ข้อOITที่ผ่านเกณฑ์ได้ข้อละ๑๐๐คะแนนได้แก่o3")) {
            assertThat(joined).contains(sentence);
        }
        for (String p : paragraphs) {
            assertThat(pdf).as("PDF").contains(p);
            assertThat(docx).as("DOCX").contains(p);
        }
        // the failed item's row: its code, its score
        String zero = org.openita.core.thai.ThaiFormat.score(0.0, DigitStyle.THAI);
        String row = "o1" + squeeze(D.oitItem("o1").orElseThrow().title().th());
        assertThat(docx).contains(row + zero);
        assertThat(pdf).contains(zero).contains(row.substring(0, Math.min(row.length(), 12)));
    }

    /** The text without spaces and line breaks, which the PDF puts where lines wrap. */
    private static String squeeze(String s) {
        return s.replaceAll("[ \\t\\u00A0\\u200B]+", "").replaceAll("\\n+", "\n");
    }

    private static String docxText(byte[] bytes) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder sb = new StringBuilder();
            doc.getParagraphs().forEach(p -> sb.append(p.getText()).append('\n'));
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow r : t.getRows()) {
                    for (XWPFTableCell c : r.getTableCells()) {
                        sb.append(c.getText()).append('\n');
                    }
                }
            }
            return sb.toString();
        }
    }
}
