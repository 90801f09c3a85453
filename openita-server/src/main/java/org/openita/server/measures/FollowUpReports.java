package org.openita.server.measures;

import java.time.LocalDate;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.report.FollowUp;
import org.openita.report.ReportFormat;
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

    public Optional<FollowUp> followUp(String code, int year, LocalDate asOf, boolean withOwners) {
        return results.analysis(code, year).map(a -> followUp(a, plans.planOrEmpty(code, year), asOf, withOwners));
    }

    /** @param withOwners false for the public copy: people's names are left out, the responsible units stay */
    static FollowUp followUp(Analysis a, MeasurePlans.Plan plan, LocalDate asOf, boolean withOwners) {
        return new FollowUp(a.agency(), a.framework().year(), a.measuresYear(), a.overall(),
                a.result().level().isDetermined() ? a.result().level().level().name().th() : null,
                plan.measures().stream().map(m -> new FollowUp.Measure(m.title(), m.steps(), m.unit(), withOwners ? m.owner() : null, m.startsOn(), m.dueOn(),
                        m.addresses(), m.status().report(),
                        m.milestones().stream().map(x -> new FollowUp.Milestone(x.label(), x.dueOn(), x.reachedOn())).toList(),
                        m.progress().stream().map(p -> new FollowUp.Update(p.recordedOn(), p.status().report(), p.note(), p.evidence(),
                                p.recordedBy())).toList())).toList(), asOf);
    }

    public ResponseEntity<byte[]> download(String code, int year, ReportFormat f, String digits) {
        return download(code, year, f, digits, true);
    }

    /** @param withOwners false for the public copy (see {@link #followUp(Analysis, MeasurePlans.Plan, LocalDate, boolean)}) */
    public ResponseEntity<byte[]> download(String code, int year, ReportFormat f, String digits, boolean withOwners) {
        LocalDate today = MeasurePlans.today();
        FollowUp followUp = followUp(code, year, today, withOwners).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(followUp, code, year, f, digits, today);
    }

    private ResponseEntity<byte[]> download(FollowUp followUp, String code, int year, ReportFormat f, String digits, LocalDate today) {
        byte[] body = f.render(followUp, ReportDownload.options(digits, today, true));
        return ReportDownload.of(f, body, "ita-" + year + "-follow-up-report-" + code);
    }
}
