package org.openita.server.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.thai.DigitStyle;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.AgencyResult;
import org.openita.server.results.DemoAgency;
import org.openita.server.results.OfficialResults;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The analysis report as a download, for the demo agency or from an agency's stored results and confirmed measures. */
@Service
public class AnalysisReports {

    /** The HTML report carries its own styles and fonts inline and runs no script. */
    static final String HTML_REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

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
        return results.analysis(code, year).map(analysis -> {
            Optional<List<DraftMeasure>> confirmed = plans.confirmedMeasures(code, year);
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
        int year = analysis.framework().year().buddhistEra();
        LocalDate today = CycleService.today();
        ReportOptions options = new ReportOptions("arabic".equals(digits) ? DigitStyle.ARABIC : DigitStyle.THAI, today, null, confirmed);
        byte[] body = f.render(analysis, options);
        String fileName = "ita-" + year + "-analysis-report" + suffix + "." + f.extension();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(f.mediaType()));
        if (f == ReportFormat.HTML) {
            headers.set("Content-Security-Policy", HTML_REPORT_POLICY);
            headers.setContentDisposition(ContentDisposition.inline().filename(fileName).build());
        } else {
            headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
        }
        return ResponseEntity.ok().headers(headers).body(body);
    }
}
