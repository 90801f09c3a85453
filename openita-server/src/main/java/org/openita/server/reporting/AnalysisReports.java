package org.openita.server.reporting;

import java.util.List;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
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

    /** The agency's own report, or empty when it has no results for the year: its confirmed measures with owners, else the drafts. */
    public Optional<ResponseEntity<byte[]>> agency(String code, int year, ReportFormat f, String digits) {
        return results.analysis(code, year).map(analysis -> {
            Optional<List<DraftMeasure>> confirmed = plans.confirmedMeasures(code, year);
            Analysis a = confirmed.map(analysis::withMeasures).orElse(analysis);
            return render(a, ReportDownload.options(digits, CycleService.today(), confirmed.isPresent()), "-" + code + "-" + year, f);
        });
    }

    /**
     * The copy anyone may download, from an analysis already cut to what the public may see (publication's
     * PublicView decides that): its measures are the confirmed ones, or none with a plain word that the agency
     * has not confirmed them.
     */
    public ResponseEntity<byte[]> publicCopy(Analysis publicAnalysis, boolean measuresConfirmed, String code, int year, ReportFormat f,
                                             String digits) {
        return render(publicAnalysis, ReportDownload.publicOptions(digits, CycleService.today(), measuresConfirmed), "-" + code + "-" + year, f);
    }

    public ResponseEntity<byte[]> demo(ReportFormat f, String digits) {
        AgencyResult now = demo.result();
        AgencyResult before = demo.previous();
        Analysis analysis = Analyzer.analyze(now.framework(), now.score(), before.score(), now.profile(),
                KnowledgeBaseLoader.shipped(now.framework().year().buddhistEra()), AnalysisOptions.DEFAULT);
        return render(analysis, ReportDownload.options(digits, CycleService.today(), false), "", f);
    }

    private static ResponseEntity<byte[]> render(Analysis analysis, ReportOptions options, String suffix, ReportFormat f) {
        byte[] body = f.render(analysis, options);
        return ReportDownload.of(f, body, "ita-" + analysis.framework().year().buddhistEra() + "-analysis-report" + suffix);
    }
}
