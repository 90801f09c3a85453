package org.openita.server.publication.internal;

import java.util.List;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.ReportedMeasures;
import org.openita.server.results.OfficialResults;
import org.springframework.stereotype.Service;

/**
 * What someone who has not signed in sees, decided here and nowhere else; every route under /public and
 * /open-data reads through it (docs/adr/0009-one-public-view.md).
 * <ul>
 *   <li>An agency's year: nothing until the agency publishes it, and nothing without results.</li>
 *   <li>Measures: only a confirmed plan, as confirmed (measures added since are left out until the agency
 *       confirms again), from the public's own copy ({@link PublicCopies}): while the agency edits a confirmed plan,
 *       the public keeps seeing what was confirmed. A plan never confirmed shows no measures at all, neither its own
 *       nor the analysis's drafts.</li>
 *   <li>Owners: the responsible unit only, never a person's name; who confirmed and who recorded is left out.</li>
 *   <li>Progress: its date and status; notes and evidence links stay inside, as on the public page.</li>
 *   <li>Open data (results only, no measures): once the year's results are announced.</li>
 * </ul>
 */
@Service
public class PublicView {

    /** An agency's published year as the public sees it; {@code analysis} carries the public measures, or none. */
    public record AgencyYear(Agency agency, int year, Analysis analysis, MeasurePlan plan) {
        public boolean measuresConfirmed() {
            return plan.confirmed();
        }
    }

    private final AgencyRegistry agencies;
    private final OfficialResults results;
    private final PublicCopies copies;
    private final CycleService cycles;

    PublicView(AgencyRegistry agencies, OfficialResults results, PublicCopies copies, CycleService cycles) {
        this.agencies = agencies;
        this.results = results;
        this.copies = copies;
        this.cycles = cycles;
    }

    /** The agency's year, or empty when it is not published (or has no results). */
    public Optional<AgencyYear> agencyYear(String code, int year) {
        Optional<AgencyCode> agencyCode = AgencyCode.parse(code);
        if (agencyCode.isEmpty() || year < 2500 || year > 2700) {
            return Optional.empty();
        }
        Optional<MeasurePlan> plan = copies.read(agencyCode.get(), FiscalYear.of(year));
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        // published, so the code and year are ones the registry and results hold
        Optional<Agency> agency = agencies.find(org.openita.server.agency.AgencyCode.of(code));
        Optional<Analysis> analysis = agency.flatMap(a -> results.analysis(a.code(), org.openita.core.framework.FiscalYear.of(year)));
        if (analysis.isEmpty()) {
            return Optional.empty();
        }
        Analysis measures = analysis.get().withMeasures(plan.get().confirmed() ? ReportedMeasures.of(plan.get().measures()) : List.of());
        return Optional.of(new AgencyYear(agency.get(), year, measures, plan.get()));
    }

    /** Whether anyone may download the year's open data. */
    public boolean openData(int year) {
        return cycles.resultsAnnounced(year);
    }
}
