package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.ResponseMinimums;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.stereotype.Component;

/**
 * How far each agency's surveys have come in a year: responses against the minimum, for the IIT and EIT parts 1 and 2.
 * Counts only: no times, days or answers, so nothing here can point at a respondent.
 */
@Component
class SurveyProgress {

    private final ResponseCounts counts;
    private final FrameworkCatalog frameworks;
    private final AgencyRegistry agencies;

    SurveyProgress(ResponseCounts counts, FrameworkCatalog frameworks, AgencyRegistry agencies) {
        this.counts = counts;
        this.frameworks = frameworks;
        this.agencies = agencies;
    }

    /** The year's minimum rules: none when the year has no active definition or its definition sets none. */
    ResponseMinimums rules(FiscalYear year) {
        return frameworks.active(year.buddhistEra()).map(FrameworkDefinition::responseMinimums).orElse(ResponseMinimums.NONE);
    }

    AgencyProgress of(Agency agency, FiscalYear year) {
        ResponseMinimums rules = rules(year);
        ResponseCounts.Counts c = counts.of(agency.code(), year);
        return progress(agency, c, rules);
    }

    /** Every agency of the registry in a year: one query for the counts, whatever the number of agencies. */
    List<AgencyProgress> all(FiscalYear year) {
        ResponseMinimums rules = rules(year);
        Map<String, ResponseCounts.Counts> byAgency = counts.all(year);
        List<Agency> registry = agencies.all();
        List<AgencyProgress> out = new ArrayList<>(registry.size());
        for (Agency a : registry) {
            out.add(progress(a, byAgency.getOrDefault(a.code().value(), ResponseCounts.Counts.NONE), rules));
        }
        return out;
    }

    private static AgencyProgress progress(Agency a, ResponseCounts.Counts c, ResponseMinimums rules) {
        return new AgencyProgress(a.code(), a.nameTh(), a.staffCount(), c.iit(), ResponseTarget.iit(rules, a), c.eitPublic(),
                ResponseTarget.eitPublic(rules, a), c.eitSurvey(), ResponseTarget.eitSurvey(rules, a));
    }
}
