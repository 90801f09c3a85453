package org.openita.server.measures;

import java.time.LocalDate;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.MeasureSchedule;
import org.openita.core.framework.FiscalYear;
import org.openita.report.FollowUp;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.openita.server.agency.AgencyCode;
import org.openita.server.results.OfficialResults;
import org.openita.server.web.ReportDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The follow-up report of an agency's measures for an assessment year, from what has been recorded. */
@Service
public class FollowUpReports {

    private final MeasurePlans plans;
    private final OfficialResults results;

    FollowUpReports(MeasurePlans plans, OfficialResults results) {
        this.plans = plans;
        this.results = results;
    }

    /** The report as it stands on the plan given: every field the plan carries is printed. */
    static FollowUp followUp(Analysis a, MeasurePlan plan, LocalDate asOf) {
        // the fiscal year the plan runs in, by the analysis report's rule (a plan made late runs after year + 1)
        int planYear = MeasureSchedule.covering(a.schedule().measuresYear(),
                ReportedMeasures.of(plan.measures())).year().buddhistEra();
        return new FollowUp(a.agency(), a.framework().year(), planYear, a.overall(),
                a.result().resultLevelName() == null ? null : a.result().resultLevelName().th(),
                plan.measures().stream().map(m -> new FollowUp.Measure(m.title(), m.steps(), m.unit(), m.owner(), m.startsOn(), m.dueOn(),
                        m.addresses(), m.status().report(),
                        m.milestones().stream().map(x -> new FollowUp.Milestone(x.label(), x.dueOn(), x.reachedOn())).toList(),
                        m.progress().stream().map(p -> new FollowUp.Update(p.recordedOn(), p.status().report(), p.note(), p.evidence(),
                                p.recordedBy())).toList())).toList(), asOf);
    }

    /** The agency's own copy: the whole plan, confirmed or not, with owners, notes and evidence. */
    public ResponseEntity<byte[]> download(AgencyCode agency, FiscalYear year, ReportFormat f, String digits) {
        LocalDate today = plans.today();
        Analysis a = results.analysis(agency, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MeasurePlan plan = plans.planOrEmpty(agency, year);
        return render(followUp(a, plan, today), plan, f, ReportDownload.options(digits, today, true));
    }

    /**
     * The copy anyone may download, printed from a plan already cut to what the public may see (publication's
     * PublicView decides that); an unconfirmed plan is said to be unconfirmed.
     */
    public ResponseEntity<byte[]> publicCopy(Analysis a, MeasurePlan publicPlan, ReportFormat f, String digits) {
        LocalDate today = plans.today();
        return render(followUp(a, publicPlan, today), publicPlan, f, ReportDownload.publicOptions(digits, today, publicPlan.confirmed()));
    }

    private static ResponseEntity<byte[]> render(FollowUp followUp, MeasurePlan plan, ReportFormat f, ReportOptions options) {
        return ReportDownload.of(f, f.render(followUp, options), "ita-" + plan.year() + "-follow-up-report-" + plan.agency());
    }
}
