package org.openita.server.measures.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyPagePart;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.measures.PlanYears;
import org.openita.server.results.OfficialResults;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** On the agency's page: its results by year with their measures, the import link, and the administrator's reminders. */
@Component
class WorkspacePart implements AgencyPagePart {

    private final OfficialResults results;
    private final MeasurePlans plans;
    private final MeasureReminders reminders;
    private final AgencyAccess access;

    WorkspacePart(OfficialResults results, MeasurePlans plans, MeasureReminders reminders, AgencyAccess access) {
        this.results = results;
        this.plans = plans;
        this.reminders = reminders;
        this.access = access;
    }

    @Override
    public String template() {
        return "measures/agency-part";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Map<String, Object>> values(Agency agency, Authentication auth) {
        boolean manage = access.canManage(auth, agency.code());
        AgencyCode code = agency.code();
        List<Map<String, Object>> years = results.years(agency.code()).stream().map(y -> {
            MeasurePlan p = plans.planOrEmpty(code, y);
            Map<String, Object> m = new HashMap<>();
            m.put("year", y.buddhistEra());
            m.put("measures", p.measures().size());
            m.put("confirmed", p.confirmed());
            m.put("overdue", p.measures().stream().filter(x -> x.overdue(plans.today())).count());
            // the fiscal years the measures run in (not always the year after the assessment)
            m.put("planYears", p.measures().isEmpty() ? null : PlanYears.of(p.year(), p.measures(), PlanYears.measuresYear(p.year())));
            results.result(agency.code(), y).map(r -> r.score()).ifPresent(s -> {
                m.put("overall", s.overall() == null ? null : org.openita.core.scoring.Rounding.display(s.overall()).toPlainString());
                m.put("level", s.resultLevelName() == null ? null : s.resultLevelName().th());
                m.put("levelSource", s.levelSource().json());
            });
            return m;
        }).toList();
        Map<String, Object> v = new HashMap<>();
        v.put("code", agency.code().value());
        v.put("years", years);
        v.put("canManage", manage);
        v.put("reminders", manage ? reminders.reminders(code, plans.today()) : List.of());
        return Optional.of(v);
    }
}
