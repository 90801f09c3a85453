package org.openita.server.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.internal.MeasureRows;
import org.springframework.stereotype.Service;

/**
 * An agency's measures for an assessment year as they stand: the whole plan for the agency's own pages, and the plan
 * as the agency confirmed it for the reports and the public. Changes go through {@link MeasureEditing},
 * {@link ProgressRecording} and {@link PlanConfirmation}.
 */
@Service
public class MeasurePlans {

    private final MeasureRows rows;
    private final Clock clock;

    MeasurePlans(MeasureRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Today in Asia/Bangkok by the server's clock. */
    public LocalDate today() {
        return CycleService.today(clock);
    }

    public Optional<MeasurePlan> plan(AgencyCode agency, FiscalYear year) {
        return rows.plan(agency, year).map(p -> new MeasurePlan(agency, year, p.confirmedAt(), p.confirmedBy(), rows.measures(agency, year, today())));
    }

    /** The plan, or an empty unconfirmed one. */
    public MeasurePlan planOrEmpty(AgencyCode agency, FiscalYear year) {
        return plan(agency, year).orElse(MeasurePlan.empty(agency, year));
    }

    public Optional<Measure> measure(AgencyCode agency, FiscalYear year, long id) {
        return rows.measures(agency, year, today()).stream().filter(m -> m.id() == id).findFirst();
    }

    /**
     * The plan as it was confirmed: empty when it is not confirmed; otherwise without the measures added since
     * the confirmation, which the agency has not confirmed yet (confirming again takes them in).
     */
    public Optional<MeasurePlan> confirmedPlan(AgencyCode agency, FiscalYear year) {
        return plan(agency, year).filter(MeasurePlan::confirmed).map(p -> {
            Set<Long> confirmed = rows.confirmedIds(agency, year);
            return new MeasurePlan(agency, year, p.confirmedAt(), p.confirmedBy(),
                    p.measures().stream().filter(m -> confirmed.contains(m.id())).toList());
        });
    }

    /** The confirmed measures in the form the analysis report prints them, or empty when the plan is not confirmed. */
    public Optional<List<DraftMeasure>> confirmedMeasures(AgencyCode agency, FiscalYear year) {
        return confirmedPlan(agency, year).map(p -> ReportedMeasures.of(p.measures()));
    }
}
