package org.openita.server.measures;

import java.time.LocalDate;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.MeasureSchedule;
import org.openita.report.FollowUp;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
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
    static FollowUp followUp(Analysis a, MeasurePlans.Plan plan, LocalDate asOf) {
        // the fiscal year the plan runs in, by the analysis report's rule (a plan made late runs after year + 1)
        int planYear = MeasureSchedule.covering(a.schedule().measuresYear(),
                MeasurePlans.reportMeasures(plan.measures())).year().buddhistEra();
        return new FollowUp(a.agency(), a.framework().year(), planYear, a.overall(),
                a.result().resultLevelName() == null ? null : a.result().resultLevelName().th(),
                plan.measures().stream().map(m -> new FollowUp.Measure(m.title(), m.steps(), m.unit(), m.owner(), m.startsOn(), m.dueOn(),
                        m.addresses(), m.status().report(),
                        m.milestones().stream().map(x -> new FollowUp.Milestone(x.label(), x.dueOn(), x.reachedOn())).toList(),
                        m.progress().stream().map(p -> new FollowUp.Update(p.recordedOn(), p.status().report(), p.note(), p.evidence(),
                                p.recordedBy())).toList())).toList(), asOf);
    }

    /** The agency's own copy: the whole plan, confirmed or not, with owners, notes and evidence. */
    public ResponseEntity<byte[]> download(String code, int year, ReportFormat f, String digits) {
        LocalDate today = plans.today();
        if (year < 2500 || year > 2700) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // not a fiscal year
        }
        Analysis a = results.analysis(org.openita.server.agency.AgencyCode.of(code), org.openita.core.framework.FiscalYear.of(year))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MeasurePlans.Plan plan = plans.planOrEmpty(code, year);
        return render(followUp(a, plan, today), code, year, f, ReportDownload.options(digits, today, true));
    }

    /**
     * The copy anyone may download, printed from a plan already cut to what the public may see (publication's
     * PublicView decides that); an unconfirmed plan is said to be unconfirmed.
     */
    public ResponseEntity<byte[]> publicCopy(Analysis a, MeasurePlans.Plan publicPlan, String code, int year, ReportFormat f, String digits) {
        LocalDate today = plans.today();
        return render(followUp(a, publicPlan, today), code, year, f, ReportDownload.publicOptions(digits, today, publicPlan.confirmed()));
    }

    private static ResponseEntity<byte[]> render(FollowUp followUp, String code, int year, ReportFormat f, ReportOptions options) {
        return ReportDownload.of(f, f.render(followUp, options), "ita-" + year + "-follow-up-report-" + code);
    }
}
