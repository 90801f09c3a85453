package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;

/** The results page prints every difference by the core's one rule: a difference that rounds to zero is 0.00, unsigned. */
class ResultPageDifferenceTest {

    @Test
    void aDifferenceThatRoundsToZeroHasNoSign() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        Map<Integer, Double> indicators = Map.of(1, 99.89, 2, 100.0, 3, 100.0, 4, 100.0, 5, 100.0, 6, 96.67, 7, 99.00, 8, 96.67,
                9, 100.0, 10, 100.0);
        // the announced IIT 99.98 against the recomputed 99.978: a difference of +0.002, printed 0.00
        Map<String, Double> tools = new HashMap<>();
        tools.put("IIT", 99.98);
        ScoreResult r = ScoringEngine.score(d, AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(indicators).withTools(tools));
        ResultPage page = ResultPage.of(Analyzer.analyze(d, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568),
                AnalysisOptions.DEFAULT), Locale.forLanguageTag("th"));
        assertThat(page.checks()).extracting(ResultPage.Check::difference).isNotEmpty().allSatisfy(diff -> assertThat(diff).doesNotStartWith("+0.00"));
        assertThat(page.checks()).extracting(ResultPage.Check::difference).contains("0.00");
    }
}
