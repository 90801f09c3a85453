package org.openita.server.reporting;

import java.util.List;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.report.ReportFormat;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.AgencyResult;
import org.openita.server.results.DemoAgency;
import org.openita.server.results.OfficialResults;
import org.openita.server.web.ReportDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The analysis report as a download, for the demo agency or from an agency's stored results and confirmed measures. */
@Service
public class AnalysisReports {

    private final DemoAgency demo;
    private final OfficialResults results;
    private final MeasurePlans plans;

    AnalysisReports(DemoAgency demo, OfficialResults results, MeasurePlans plans) {
        this.demo = demo;
        this.results = results;
        this.plans = plans;
    }

    /** The agency's report, or empty when it has no results for the year. */
    public Optional<ResponseEntity<byte[]>> agency(String code, int year, ReportFormat f, String digits) {
        return agency(code, year, f, digits, true);
    }

    /** @param withOwners false for the public copy: the measures' responsible units without people's names */
    public Optional<ResponseEntity<byte[]>> agency(String code, int year, ReportFormat f, String digits, boolean withOwners) {
        return results.analysis(code, year).map(analysis -> {
            Optional<List<DraftMeasure>> confirmed = plans.confirmedMeasures(code, year, withOwners);
            Analysis a = confirmed.map(analysis::withMeasures).orElse(analysis);
            return render(f, a, confirmed.isPresent(), digits, "-" + code + "-" + year);
        });
    }

    public ResponseEntity<byte[]> demo(ReportFormat f, String digits) {
        AgencyResult now = demo.result();
        AgencyResult before = demo.previous();
        Analysis analysis = Analyzer.analyze(now.framework(), now.score(), before.score(), now.profile(),
                KnowledgeBaseLoader.shipped(now.framework().year().buddhistEra()), AnalysisOptions.DEFAULT);
        return render(f, analysis, false, digits, "");
    }

    private ResponseEntity<byte[]> render(ReportFormat f, Analysis analysis, boolean confirmed, String digits, String suffix) {
        byte[] body = f.render(analysis, ReportDownload.options(digits, CycleService.today(), confirmed));
        return ReportDownload.of(f, body, "ita-" + analysis.framework().year().buddhistEra() + "-analysis-report" + suffix);
    }
}
