package org.openita.server.measures;

import java.time.Clock;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.internal.MeasureRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming a plan, and the rule that undoes it: what the analysis report and the public see is always what the agency
 * confirmed, so editing or removing a confirmed measure returns the plan to unconfirmed and the change waits until the
 * agency confirms again. Measures added after confirming are simply not shown until then
 * ({@link MeasurePlans#confirmedPlan}); recording progress changes no plan.
 */
@Service
public class PlanConfirmation {

    private final MeasureRows rows;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanConfirmation(MeasureRows rows, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** Confirms the plan: from now on the reports print these measures instead of the drafts. */
    @Transactional
    public void confirm(String actor, AgencyCode agency, FiscalYear year) {
        rows.ensurePlan(agency, year);
        rows.confirm(actor, agency, year);
        audit.record(actor, "MEASURES_CONFIRMED", subject(agency, year), null,
                Map.of("measures", rows.measures(agency, year, CycleService.today(clock)).stream().map(Measure::title).toList()));
        events.publishEvent(new MeasurePlanConfirmed(agency, year));
    }

    /** Returns a confirmed plan to unconfirmed (audited); nothing when it is not confirmed. */
    void reopen(String actor, AgencyCode agency, FiscalYear year) {
        if (rows.reopen(agency, year)) {
            audit.record(actor, "MEASURES_REOPENED", subject(agency, year), null, null);
        }
    }

    private static String subject(AgencyCode agency, FiscalYear year) {
        return "measures:" + agency + "/" + year;
    }
}
