package org.openita.server.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.analysis.Signatory;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyReportDetails;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.agency.AgencyCode;
import org.openita.core.framework.FiscalYear;
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
    private final AgencyReportDetails details;
    private final Clock clock;
    private final org.openita.server.results.ComputedResults computed;

    AnalysisReports(DemoAgency demo, OfficialResults results, MeasurePlans plans, AgencyReportDetails details, Clock clock,
                    org.openita.server.results.ComputedResults computed) {
        this.demo = demo;
        this.computed = computed;
        this.results = results;
        this.plans = plans;
        this.details = details;
        this.clock = clock;
    }

    /** What a report is rendered from: the analysis (with the agency's sign-off) and the options (with its logo). */
    record Document(Analysis analysis, ReportOptions options) {
    }

    /** The agency's own report, or empty when it has no results for the year: its confirmed measures with owners, else the drafts. */
    public Optional<ResponseEntity<byte[]>> agency(AgencyCode code, FiscalYear year, ReportFormat f, String digits) {
        return agencyDocument(code, year, digits).map(d -> render(d.analysis(), d.options(), "-" + code + "-" + year, f));
    }

    Optional<Document> agencyDocument(AgencyCode code, FiscalYear year, String digits) {
        return results.analysis(code, year).map(analysis -> {
            Optional<List<DraftMeasure>> confirmed = plans.confirmedMeasures(code, year);
            Analysis a = confirmed.map(analysis::withMeasures).orElse(analysis);
            return withAgencyDetails(code, new Document(a, survey(code, year,
                    ReportDownload.options(digits, CycleService.today(clock), confirmed.isPresent()))));
        });
    }

    /**
     * The agency's logo on the cover and its sign-off at the end. The public copy carries both: the sign-off is what the
     * agency chose to print in its official report (the agency page says so where it is entered).
     */
    private Document withAgencyDetails(AgencyCode code, Document d) {
        ReportOptions o = d.options();
        byte[] logo = details.logo(code).orElse(null);
        List<Signatory> signOff = details.signOff(code);
        Analysis a = d.analysis();
        if (!signOff.isEmpty()) {
            a = a.withAgency(a.agency().withSignOff(signOff));
        }
        return new Document(a, new ReportOptions(o.digits(), o.date(), logo, o.confirmedMeasures(), o.publicCopy(), o.survey()));
    }

    /**
     * The copy anyone may download, from an analysis already cut to what the public may see (publication's
     * PublicView decides that): its measures are the confirmed ones, or none with a plain word that the agency
     * has not confirmed them.
     */
    public ResponseEntity<byte[]> publicCopy(Analysis publicAnalysis, boolean measuresConfirmed, AgencyCode code, FiscalYear year, ReportFormat f,
                                             String digits) {
        Document d = publicDocument(publicAnalysis, measuresConfirmed, code, digits);
        return render(d.analysis(), d.options(), "-" + code + "-" + year, f);
    }

    Document publicDocument(Analysis publicAnalysis, boolean measuresConfirmed, AgencyCode code, String digits) {
        return withAgencyDetails(code, new Document(publicAnalysis, survey(code, publicAnalysis.framework().year(),
                ReportDownload.publicOptions(digits, CycleService.today(clock), measuresConfirmed))));
    }

    /** For scores OpenITA computed from the agency's own survey answers, the report says so and from how many. */
    private ReportOptions survey(AgencyCode code, FiscalYear year, ReportOptions options) {
        return computed.basis(code, year).map(b -> options.withSurvey(new ReportOptions.SurveyBasis(b.responses("IIT"),
                b.responses("EIT_PUBLIC"), b.responses("EIT_SURVEY"), b.belowMinimum().stream()
                .map(x -> new ReportOptions.BelowMinimum(switch (x.part()) {
                    case "IIT" -> ReportOptions.Respondents.STAFF;
                    case "EIT_PUBLIC" -> ReportOptions.Respondents.SERVICE_USERS;
                    default -> ReportOptions.Respondents.ASSESSED;
                }, x.responses(), x.minimum())).toList()))).orElse(options);
    }

    public ResponseEntity<byte[]> demo(ReportFormat f, String digits) {
        AgencyResult now = demo.result();
        AgencyResult before = demo.previous();
        Analysis analysis = Analyzer.analyze(now.framework(), now.score(), before.score(), now.profile(),
                KnowledgeBaseLoader.shipped(now.framework().year().buddhistEra()), AnalysisOptions.DEFAULT).draftedOn(CycleService.today(clock));
        return render(analysis, ReportDownload.options(digits, CycleService.today(clock), false), "", f);
    }

    private static ResponseEntity<byte[]> render(Analysis analysis, ReportOptions options, String suffix, ReportFormat f) {
        byte[] body = f.render(analysis, options);
        return ReportDownload.of(f, body, "ita-" + analysis.framework().year().buddhistEra() + "-analysis-report" + suffix);
    }
}
