package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.thai.DigitStyle;

/**
 * The example SAO of 2569 (indicator 1 at 96.12, indicator 9 at 89.47): in HTML, DOCX and PDF alike, strengths and
 * points to improve follow one rule over all indicators, each with its figure, the rule is stated, and a change that
 * rounds to zero prints 0.00 without a sign.
 */
class StandingsInEveryFormatTest {

    static Analysis example() throws Exception {
        var current = ScoreInputReader.read(Files.readString(Path.of("..", "examples", "example-sao-2569.json")), FrameworkLoader::findShipped);
        ScoreResult now = ScoringEngine.score(current.framework(), current.input());
        Map<Integer, Double> last = new HashMap<>(now.indicators());
        last.put(2, 93.4999999); // rounds to the same figure: a change of 0.00
        last.put(7, 90.0);
        ScoreResult prev = ScoringEngine.score(FrameworkLoader.shipped(2568), AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(last));
        return Analyzer.analyze(current.framework(), now, prev, current.agency(), KnowledgeBaseLoader.shipped(2569), AnalysisOptions.DEFAULT);
    }

    @Test
    void everyFormatSaysTheSameStandingsWithTheirFigures() throws Exception {
        ReportOptions options = new ReportOptions(DigitStyle.THAI, LocalDate.of(2026, 10, 15), null, false);
        ReportDocument doc = ReportBuilder.build(example(), options);
        String html = HtmlRenderer.render(doc).replaceAll("<[^>]+>", " ");
        String docx;
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(DocxRenderer.render(doc, DigitStyle.THAI))))) {
            docx = x.getText();
        }
        String pdf;
        try (var document = Loader.loadPDF(PdfRenderer.renderRepaired(doc, DigitStyle.THAI).pdf())) {
            pdf = new PDFTextStripper().getText(document);
        }
        for (String text : new String[] {html, docx, pdf}) {
            String t = text.replaceAll("\\s+", " ");
            assertThat(t).contains("ค่ามัธยฐาน", "(๙๐.๗๗ คะแนน)");
            assertThat(t).doesNotContain("+๐.๐๐", "\u2212๐.๐๐", "-๐.๐๐");
        }
        String t = html.replaceAll("\\s+", " ");
        // indicator 1 (96.12) is a strength with its figure; indicator 9 (89.47), OIT's best, is a point to improve
        assertThat(t).containsPattern("จุดแข็ง ได้แก่ [^.]*ตัวชี้วัดที่ ๑ \\S+ \\(๙๖\\.๑๒ คะแนน\\)");
        assertThat(t).containsPattern("ตัวชี้วัดที่ ๙ \\S+ ได้ ๘๙\\.๔๗ คะแนน หน่วยงานควร");
        assertThat(t).doesNotContainPattern("จุดแข็ง ได้แก่ ตัวชี้วัดที่ ๙");
        assertThat(t).contains(" ๐.๐๐ ");
    }
}
