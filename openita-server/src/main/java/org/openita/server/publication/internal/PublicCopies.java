package org.openita.server.publication.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.CycleService;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasurePlan;
import org.openita.server.measures.MeasurePlans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public's copy of an agency's confirmed plan, kept with the published year (publication.public_plan), so that the
 * public page shows what the agency confirmed and stays so while the agency edits (an edit reopens the plan in the
 * measures module; the copy waits for the next confirmation). The copy holds only what the public sees: the
 * responsible unit and never a person's name, progress as date and status without notes, evidence or who recorded it.
 * <ul>
 *   <li>taken when the year is published (a plan not confirmed then gives a copy without measures);</li>
 *   <li>taken again when the agency confirms ({@code MeasurePlanConfirmed}), unless the plan was reopened before the
 *       event arrived: the copy is never replaced by nothing;</li>
 *   <li>on progress ({@code MeasureProgressRecorded}), only the status, the progress dates and the milestones reached of a
 *       measure already in the copy change: its text stays as confirmed.</li>
 * </ul>
 */
@Component
public class PublicCopies {

    /** A copy as stored: when the plan was confirmed (null if it was not), and its measures cut for the public. */
    record Copy(Instant confirmedAt, List<Measure> measures) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MeasurePlans plans;
    private final Clock clock;

    PublicCopies(JdbcClient jdbc, MeasurePlans plans, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.clock = clock;
    }

    /** Takes the copy of a published year from the plan as confirmed now. */
    @Transactional
    public void take(AgencyCode agency, FiscalYear year) {
        store(agency, year, fromMeasures(agency, year));
    }

    /**
     * The published year's plan as the public sees it, or empty when the year is not published. A year published before
     * copies were kept takes its copy now.
     */
    @Transactional
    public Optional<MeasurePlan> read(AgencyCode agency, FiscalYear year) {
        Optional<Optional<String>> row = jdbc.sql("select public_plan::text from publication where agency_code = ? and fiscal_year = ?")
                .params(agency.value(), year.buddhistEra()).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Copy copy = row.get().map(PublicCopies::parse).orElseGet(() -> {
            Copy taken = fromMeasures(agency, year);
            store(agency, year, taken);
            return taken;
        });
        LocalDate today = CycleService.today(clock);
        return Optional.of(new MeasurePlan(agency, year, copy.confirmedAt(), null, copy.measures().stream().map(m -> m.asOf(today)).toList()));
    }

    /** After a confirmation: the copy of a published year follows the confirmed plan. */
    @Transactional
    public void refreshPlan(AgencyCode agency, FiscalYear year) {
        if (lock(agency, year).isEmpty()) {
            return;
        }
        plans.confirmedPlan(agency, year).ifPresent(p -> store(agency, year, cut(p)));
    }

    /** After progress on a measure: its status, progress dates and milestones reached, if the copy shows it. */
    @Transactional
    public void refreshProgress(AgencyCode agency, FiscalYear year, long measureId) {
        Optional<Copy> copy = lock(agency, year);
        if (copy.isEmpty() || copy.get().measures().stream().noneMatch(m -> m.id() == measureId)) {
            return;
        }
        Optional<Measure> now = plans.measure(agency, year, measureId);
        if (now.isEmpty()) {
            return;
        }
        List<Measure> measures = new ArrayList<>();
        for (Measure m : copy.get().measures()) {
            measures.add(m.id() == measureId ? withProgressOf(m, cut(now.get())) : m);
        }
        store(agency, year, new Copy(copy.get().confirmedAt(), measures));
    }

    /** The stored copy of a published year, its row held until the transaction ends; empty when not published or not taken. */
    private Optional<Copy> lock(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select public_plan::text from publication where agency_code = ? and fiscal_year = ? for update")
                .params(agency.value(), year.buddhistEra()).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(text -> text.map(PublicCopies::parse));
    }

    private Copy fromMeasures(AgencyCode agency, FiscalYear year) {
        return plans.confirmedPlan(agency, year).map(PublicCopies::cut).orElse(new Copy(null, List.of()));
    }

    private void store(AgencyCode agency, FiscalYear year, Copy copy) {
        jdbc.sql("update publication set public_plan = ?::jsonb, copied_at = now() where agency_code = ? and fiscal_year = ?")
                .params(JSON.writeValueAsString(copy), agency.value(), year.buddhistEra()).update();
    }

    private static Copy parse(String json) {
        return JSON.readValue(json, Copy.class);
    }

    /** A confirmed plan cut to what the public sees. */
    static Copy cut(MeasurePlan confirmed) {
        return new Copy(confirmed.confirmedAt(), confirmed.measures().stream().map(PublicCopies::cut).toList());
    }

    /** A measure without its owner's name, and its progress without who recorded it, notes or evidence. */
    static Measure cut(Measure m) {
        return new Measure(m.id(), m.position(), m.title(), m.steps(), m.unit(), null, m.startsOn(), m.dueOn(), m.addresses(), m.oitItems(),
                m.status(), m.version(), m.milestones(), m.progress().stream()
                .map(p -> new Measure.Progress(p.id(), p.recordedAt(), p.recordedOn(), null, p.status(), null, List.of())).toList(),
                m.success(), m.overdue());
    }

    /**
     * The copied measure with the status and progress of {@code now}; a copied milestone takes the date it was reached from
     * the milestone of the same label and due date now (an edited milestone is not copied until the plan is confirmed).
     */
    private static Measure withProgressOf(Measure copied, Measure now) {
        List<Measure.Milestone> milestones = copied.milestones().stream().map(x -> now.milestones().stream()
                        .filter(y -> y.label().equals(x.label()) && y.dueOn().equals(x.dueOn())).findFirst()
                        .map(y -> new Measure.Milestone(x.id(), x.label(), x.dueOn(), y.reachedOn())).orElse(x))
                .toList();
        return new Measure(copied.id(), copied.position(), copied.title(), copied.steps(), copied.unit(), null, copied.startsOn(),
                copied.dueOn(), copied.addresses(), copied.oitItems(), now.status(), copied.version(), milestones, now.progress(),
                copied.success(), copied.overdue());
    }
}
