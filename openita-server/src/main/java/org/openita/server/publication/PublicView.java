package org.openita.server.publication;

import java.util.List;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.OfficialResults;
import org.springframework.stereotype.Service;

/**
 * What someone who has not signed in sees, decided here and nowhere else; every route under /public and
 * /open-data reads through it (docs/adr/0009-one-public-view.md).
 * <ul>
 *   <li>An agency's year: nothing until the agency publishes it, and nothing without results.</li>
 *   <li>Measures: only a confirmed plan, as confirmed (measures added since are left out until the agency
 *       confirms again); an unconfirmed plan shows no measures at all, neither its own nor the analysis's drafts.</li>
 *   <li>Owners: the responsible unit only, never a person's name; who confirmed and who recorded is left out.</li>
 *   <li>Progress: its date and status; notes and evidence links stay inside, as on the public page.</li>
 *   <li>Open data (results only, no measures): once the year's results are announced.</li>
 * </ul>
 */
@Service
class PublicView {

    /** An agency's published year as the public sees it; {@code analysis} carries the public measures, or none. */
    record AgencyYear(Agency agency, int year, Analysis analysis, MeasurePlans.Plan plan) {
        boolean measuresConfirmed() {
            return plan.confirmed();
        }
    }

    private final AgencyRegistry agencies;
    private final OfficialResults results;
    private final MeasurePlans plans;
    private final CycleService cycles;

    PublicView(AgencyRegistry agencies, OfficialResults results, MeasurePlans plans, CycleService cycles) {
        this.agencies = agencies;
        this.results = results;
        this.plans = plans;
        this.cycles = cycles;
    }

    /** The agency's year, or empty when it is not published (or has no results). */
    Optional<AgencyYear> agencyYear(String code, int year) {
        if (!plans.published(code, year)) {
            return Optional.empty();
        }
        // published, so the code and year are ones the registry and results hold
        Optional<Agency> agency = agencies.find(org.openita.server.agency.AgencyCode.of(code));
        Optional<Analysis> analysis = agency.flatMap(a -> results.analysis(a.code(), org.openita.core.framework.FiscalYear.of(year)));
        if (analysis.isEmpty()) {
            return Optional.empty();
        }
        MeasurePlans.Plan plan = plans.confirmedPlan(code, year).map(PublicView::forThePublic)
                .orElse(new MeasurePlans.Plan(code, year, null, null, null, List.of()));
        Analysis measures = analysis.get().withMeasures(plan.confirmed() ? MeasurePlans.reportMeasures(plan.measures()) : List.of());
        return Optional.of(new AgencyYear(agency.get(), year, measures, plan));
    }

    /** Whether anyone may download the year's open data. */
    boolean openData(int year) {
        return cycles.resultsAnnounced(year);
    }

    /** A confirmed plan cut to what the public sees. */
    static MeasurePlans.Plan forThePublic(MeasurePlans.Plan confirmed) {
        return new MeasurePlans.Plan(confirmed.agencyCode(), confirmed.year(), confirmed.confirmedAt(), null, confirmed.publishedAt(),
                confirmed.measures().stream().map(PublicView::forThePublic).toList());
    }

    private static Measure forThePublic(Measure m) {
        return new Measure(m.id(), m.position(), m.title(), m.steps(), m.unit(), null, m.startsOn(), m.dueOn(), m.addresses(), m.oitItems(),
                m.status(), m.version(), m.milestones(), m.progress().stream()
                .map(p -> new Measure.Progress(p.id(), p.recordedAt(), p.recordedOn(), null, p.status(), null, List.of())).toList(),
                m.success(), m.overdue());
    }
}
