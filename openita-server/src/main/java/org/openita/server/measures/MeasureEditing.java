package org.openita.server.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LocalizedText;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.measures.internal.CheckedMeasure;
import org.openita.server.measures.internal.MeasureFormCheck;
import org.openita.server.measures.internal.MeasureRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, changing and removing measures, every change checked ({@link MeasureFormCheck}) and written to the audit
 * trail. A change carries the version it was made on; a change of a copy someone else has changed since is refused
 * with a message rather than written over it. Changing or removing a confirmed measure reopens the plan
 * ({@link PlanConfirmation}).
 */
@Service
public class MeasureEditing {

    private static final String PROGRESS_MILESTONE = "รายงานความก้าวหน้า";

    private final MeasureRows rows;
    private final MeasureFormCheck checks;
    private final PlanConfirmation confirmation;
    private final MeasurePlans plans;
    private final AuditTrail audit;

    MeasureEditing(MeasureRows rows, MeasureFormCheck checks, PlanConfirmation confirmation, MeasurePlans plans, AuditTrail audit) {
        this.rows = rows;
        this.checks = checks;
        this.confirmation = confirmation;
        this.plans = plans;
        this.audit = audit;
    }

    /** Starts the plan from the engine's drafts, unless it already has measures. Returns how many were added. */
    @Transactional
    public int startFromDrafts(String actor, AgencyCode agency, FiscalYear year, List<DraftMeasure> drafts, int measuresYear) {
        rows.ensurePlan(agency, year);
        rows.lockPlan(agency, year);
        if (!rows.measures(agency, year, plans.today()).isEmpty()) {
            return 0;
        }
        LocalDate yearStart = FiscalYear.of(measuresYear).firstDay();
        int position = 0;
        for (DraftMeasure d : drafts) {
            position++;
            // a draft starts where the analysis placed it (never before today); older drafts at the start of the year
            LocalDate start = d.startDate() != null ? d.startDate() : yearStart;
            CheckedMeasure c = new CheckedMeasure(d.measure().th(), d.steps().stream().map(LocalizedText::th).collect(Collectors.joining("\n")),
                    d.unit(), "", start, d.dueDate(), d.addresses().th(), List.of(),
                    d.progressDate() == null ? List.of() : List.of(new CheckedMeasure.Milestone(PROGRESS_MILESTONE, d.progressDate())),
                    d.success() == null ? null : d.success().th());
            long id = rows.insert(agency, year, position, c);
            rows.replaceMilestones(id, c.milestones(), List.of());
            audit.record(actor, "MEASURE_CREATED", subject(agency, year, id), null, Map.of("title", d.measure().th(), "from", "draft"));
        }
        return position;
    }

    /** Adds a measure at the end of the plan; returns its id, or the problems. */
    @Transactional
    public MeasureChange create(String actor, AgencyCode agency, FiscalYear year, MeasureForm f) {
        List<MeasureProblem> problems = new ArrayList<>();
        CheckedMeasure c = checks.check(year, f, problems);
        if (!problems.isEmpty()) {
            return MeasureChange.problems(problems);
        }
        rows.ensurePlan(agency, year);
        long id = rows.insert(agency, year, rows.nextPosition(agency, year), c);
        rows.replaceMilestones(id, c.milestones(), List.of());
        audit.record(actor, "MEASURE_CREATED", subject(agency, year, id), null, c.describe());
        return MeasureChange.ok(id);
    }

    /** Changes a measure made on {@code f.getVersion()}; null when the plan has no such measure. */
    @Transactional
    public MeasureChange update(String actor, AgencyCode agency, FiscalYear year, long id, MeasureForm f) {
        Measure before = plans.measure(agency, year, id).orElse(null);
        if (before == null) {
            return null;
        }
        boolean wasConfirmed = rows.confirmedWithThePlan(agency, year, id);
        List<MeasureProblem> problems = new ArrayList<>();
        CheckedMeasure c = checks.check(year, f, problems);
        if (!problems.isEmpty()) {
            return MeasureChange.problems(problems);
        }
        if (!rows.update(agency, year, id, f.getVersion(), c)) {
            return MeasureChange.conflicted();
        }
        rows.replaceMilestones(id, c.milestones(), before.milestones());
        audit.record(actor, "MEASURE_UPDATED", subject(agency, year, id), describe(before), c.describe());
        if (wasConfirmed) {
            confirmation.reopen(actor, agency, year);
        }
        return MeasureChange.ok(id);
    }

    /** Removes a measure; false when the plan has no such measure. */
    @Transactional
    public boolean delete(String actor, AgencyCode agency, FiscalYear year, long id) {
        Measure before = plans.measure(agency, year, id).orElse(null);
        if (before == null) {
            return false;
        }
        boolean wasConfirmed = rows.confirmedWithThePlan(agency, year, id);
        rows.delete(agency, year, id);
        audit.record(actor, "MEASURE_DELETED", subject(agency, year, id), describe(before), null);
        if (wasConfirmed) {
            confirmation.reopen(actor, agency, year);
        }
        return true;
    }

    static String subject(AgencyCode agency, FiscalYear year, long id) {
        return "measure:" + agency + "/" + year + "/" + id;
    }

    private static Map<String, Object> describe(Measure x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", x.title());
        m.put("steps", String.join("\n", x.steps()));
        m.put("unit", x.unit());
        m.put("owner", x.owner());
        m.put("startsOn", x.startsOn() == null ? null : x.startsOn().toString());
        m.put("dueOn", x.dueOn() == null ? null : x.dueOn().toString());
        m.put("addresses", x.addresses());
        m.put("success", x.success());
        m.put("oitItems", x.oitItems());
        m.put("status", x.status().name());
        m.put("milestones", x.milestones().stream().map(y -> y.label() + " " + y.dueOn()).toList());
        return m;
    }
}
