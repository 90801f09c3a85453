package org.openita.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
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

/** The demo agency's report, built from examples/samdet-2568.json and samdet-2567.json. */
final class SamdetReport {

    static final LocalDate DATE = LocalDate.of(2025, 10, 15);

    private SamdetReport() {
    }

    static Optional<FrameworkDefinition> shipped(int year) {
        return FrameworkLoader.findShipped(year);
    }

    static Analysis analysis() throws Exception {
        var current = ScoreInputReader.read(Files.readString(Path.of("..", "examples", "samdet-2568.json")), SamdetReport::shipped);
        var previous = ScoreInputReader.read(Files.readString(Path.of("..", "examples", "samdet-2567.json")), SamdetReport::shipped);
        ScoreResult prev = ScoringEngine.score(previous.framework(), previous.input());
        ScoreResult now = ScoringEngine.score(current.framework(), current.input());
        return Analyzer.analyze(current.framework(), now, prev, current.agency(), KnowledgeBaseLoader.shipped(2568),
                AnalysisOptions.DEFAULT);
    }

    static ReportDocument document(DigitStyle digits) throws Exception {
        return ReportBuilder.build(analysis(), new ReportOptions(digits, DATE, null, false));
    }
}
