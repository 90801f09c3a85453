package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.thai.DigitStyle;

/**
 * A year whose file alone gives it a shape no shipped year has (two tools, seven indicators, item codes x1..x12)
 * validates, scores, is analysed and renders as PDF, DOCX and HTML.
 */
class OtherShapeYearTest {

    static final Path FILE = Path.of("..", "examples", "frameworks", "synthetic-2590.yaml");

    static final String INPUT = """
            {"agency": {"name": "หน่วยงานทดลอง", "units": ["สำนักงาน"]}, "year": 2590,
             "questions": {"x1": {"score": 90}, "x2": {"score": 70}, "x3": {"score": 100}, "x4": {"score": 100},
                           "x5": {"score": 60}, "x6": {"score": 80}, "x7": {"score": 95}, "x8": {"score": 85}},
             "oit": {"x9": {"components": {"1": true}}, "x10": {"components": {"1": false}}, "x11": {"score": 100},
                     "x12": {"score": 100}, "x13": {"score": 100}}}
            """;

    static FrameworkDefinition definition() throws Exception {
        return FrameworkLoader.parse(FILE.getFileName().toString(), Files.readString(FILE));
    }

    @Test
    void theFileAloneValidatesAndScores() throws Exception {
        FrameworkDefinition d = definition();
        assertThat(d.tools()).hasSize(2);
        assertThat(d.indicators()).hasSize(7);
        assertThat(FrameworkLoader.shippedYears()).doesNotContain(2590);

        var read = ScoreInputReader.read(INPUT, y -> y == 2590 ? Optional.of(d) : Optional.empty());
        ScoreResult r = ScoringEngine.score(read.framework(), read.input());
        // IIT: indicators 80, 100, 70, 90 -> 85; OIT: 50, 100, 100 -> 83.33; overall 84.17, both tools >= 80
        assertThat(r.indicators().get(1)).isCloseTo(80, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.overall()).isCloseTo(84.1666, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.resultLevel().code()).isEqualTo("HIGH");
    }

    @Test
    void itIsAnalysedAndRendersInEveryFormat() throws Exception {
        FrameworkDefinition d = definition();
        var read = ScoreInputReader.read(INPUT, y -> y == 2590 ? Optional.of(d) : Optional.empty());
        ScoreResult r = ScoringEngine.score(read.framework(), read.input());
        Analysis a = Analyzer.analyze(d, r, null, read.agency(), KnowledgeBaseLoader.shipped(2590), AnalysisOptions.DEFAULT);
        ReportDocument doc = ReportBuilder.build(a, new ReportOptions(DigitStyle.ARABIC, LocalDate.of(2590 - 543, 10, 15), null, false));
        Path dir = Path.of("target", "samples");
        Files.createDirectories(dir);
        byte[] pdf = PdfRenderer.render(doc, DigitStyle.ARABIC);
        Files.write(dir.resolve("synthetic-2590.pdf"), pdf);
        String text;
        try (PDDocument p = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(p);
        }
        assertThat(text).contains("หน่วยงานทดลอง", "84.17", "สูง", "การดูแลทรัพย์สิน", "การป้องกันการทุจริต", "ฉบับ 2590.1");
        assertThat(text).doesNotContain("EIT");
        String html = HtmlRenderer.render(doc, DigitStyle.ARABIC);
        assertThat(html).contains("84.17", "การเผยแพร่การจัดซื้อ").doesNotContain("EIT");
        assertThat(DocxRenderer.render(doc, DigitStyle.ARABIC)).isNotEmpty();
    }
}
