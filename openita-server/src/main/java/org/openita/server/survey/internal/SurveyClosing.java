package org.openita.server.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.results.ComputedResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a fiscal year's surveys and scores their answers: early, by the central administrator, or when the
 * SURVEY_COLLECTION phase of the cycle calendar has ended. Scoring a year is marked in survey_scoring with
 * {@code insert ... on conflict}, in the same transaction as the results it stores, so a second server process (or a
 * second run) that finds the year marked scores nothing.
 */
@Component
class SurveyClosing {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyClosing.class);
    static final String SYSTEM = "system";

    /** What closing a year did. */
    public sealed interface Outcome {
        /** Closed (or scored) now: how many agencies got computed results, and how many kept their official ones. */
        public record Scored(int agencies, int responses, int officialKept) implements Outcome {
        }

        /** The year's surveys were already closed: nothing changed. */
        record AlreadyClosed() implements Outcome {
        }

        /** No framework definition is active for the year, so its answers cannot be scored: nothing changed. */
        record NoDefinition() implements Outcome {
        }
    }

    /** What reopening a year did. */
    public sealed interface Reopening {
        /** Reopened: the computed results of the close withdrawn from these many agencies (official ones untouched). */
        record Reopened(int withdrawn) implements Reopening {
        }

        /** The year's surveys were not closed by the central administrator: nothing changed. */
        record NotClosed() implements Reopening {
        }

        /** The survey phase of the calendar has ended: reopening would take no answers; nothing changed. */
        record PhaseEnded(LocalDate endsOn) implements Reopening {
        }
    }

    /**
     * A year with a survey phase, as the closing page lists it.
     *
     * @param closable not closed yet, and not already scored because its phase ended
     * @param reopenable closed by the central administrator while its phase still runs, so reopening takes answers again
     */
    public record YearState(int year, LocalDate startsOn, LocalDate endsOn, Optional<java.time.OffsetDateTime> closedAt,
                            Optional<java.time.OffsetDateTime> scoredAt, int responses, boolean closable, boolean reopenable) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CycleService cycles;
    private final FrameworkCatalog frameworks;
    private final SurveyScores scores;
    private final ComputedResults results;
    private final SurveyWindows windows;
    private final AuditTrail audit;
    private final Clock clock;
    private final ContactLists contacts;

    SurveyClosing(JdbcClient jdbc, PlatformTransactionManager transactions, CycleService cycles, FrameworkCatalog frameworks,
                  SurveyScores scores, ComputedResults results, SurveyWindows windows, AuditTrail audit, Clock clock, ContactLists contacts) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.cycles = cycles;
        this.frameworks = frameworks;
        this.scores = scores;
        this.results = results;
        this.windows = windows;
        this.audit = audit;
        this.clock = clock;
    }

    /** Closes a year's surveys now and scores its answers; refused when already closed or when no definition is active. */
    Outcome close(FiscalYear year, String actor) {
        Optional<FrameworkDefinition> def = frameworks.active(year.buddhistEra());
        if (def.isEmpty()) {
            return new Outcome.NoDefinition();
        }
        Outcome outcome = tx.execute(status -> {
            int inserted = jdbc.sql("insert into survey_closing (fiscal_year, closed_at, closed_by) values (?, ?, ?) on conflict do nothing")
                    .params(year.buddhistEra(), clock.instant().atOffset(java.time.ZoneOffset.UTC), actor).update();
            if (inserted == 0) {
                return new Outcome.AlreadyClosed();
            }
            audit.record(actor, "SURVEYS_CLOSED", "surveys:" + year.buddhistEra(), null, Map.of("year", year.buddhistEra()));
            // the contact lists of EIT part 2 live as long as the collection (ADR 0031): deleted with the close, or not at all
            contacts.purge(year.buddhistEra(), actor);
            return score(def.get(), year, "CLOSED", actor, true);
        });
        windows.forget();
        return outcome;
    }

    /**
     * Reopens a year the central administrator closed, while its survey phase still runs: the surveys take answers again
     * and the computed results of that close are withdrawn (never an official one) until the next close. Audited with
     * the reason, in one transaction.
     */
    Reopening reopen(FiscalYear year, String actor, String reason) {
        LocalDate today = cycles.today();
        Optional<PhaseWindow> phase = cycles.windows(year.buddhistEra()).orElse(List.of()).stream()
                .filter(w -> w.phase() == Phase.SURVEY_COLLECTION).findFirst();
        if (phase.isPresent() && phase.get().endsOn().isBefore(today)) {
            return new Reopening.PhaseEnded(phase.get().endsOn());
        }
        Reopening outcome = tx.execute(status -> {
            Optional<Map<String, Object>> closed = jdbc.sql("delete from survey_closing where fiscal_year = ? returning closed_at, closed_by")
                    .param(year.buddhistEra())
                    .query((rs, i) -> Map.<String, Object>of("closedAt", rs.getObject(1, java.time.OffsetDateTime.class).toString(),
                            "closedBy", rs.getString(2))).optional();
            if (closed.isEmpty()) {
                return new Reopening.NotClosed();
            }
            jdbc.sql("delete from survey_scoring where fiscal_year = ?").param(year.buddhistEra()).update();
            // the lists deleted at the close stay deleted; the agencies may give them again
            contacts.reopened(year.buddhistEra());
            List<org.openita.server.agency.AgencyCode> withdrawn = results.withdraw(actor, year, reason);
            // confirmed OIT verdicts do not depend on the surveys: their rows come back at once, without survey answers
            frameworks.active(year.buddhistEra()).map(def -> scores.oitOnly(def, year)).filter(rows -> !rows.isEmpty())
                    .ifPresent(rows -> results.store(actor, year, rows));
            audit.record(actor, "SURVEYS_REOPENED", "surveys:" + year.buddhistEra(), closed.get(),
                    Map.of("year", year.buddhistEra(), "reason", reason, "resultsWithdrawn", withdrawn.size()));
            return new Reopening.Reopened(withdrawn.size());
        });
        windows.forget();
        return outcome;
    }

    /**
     * Scores every year whose survey phase has ended and whose answers are not scored yet (the scheduled close). Safe to
     * run twice at once: a year is scored by whichever run marks it first.
     *
     * @return the years scored by this run
     */
    List<Integer> scoreEndedPhases() {
        List<Integer> scored = cycles.years().stream().filter(this::scoreIfEnded).toList();
        if (!scored.isEmpty()) {
            windows.forget();
        }
        return scored;
    }

    /** Scores one year if its survey phase has ended and its answers are not scored yet; true when this call scored it. */
    boolean scoreIfEnded(int y) {
        LocalDate today = cycles.today();
        boolean ended = cycles.windows(y).orElse(List.of()).stream()
                .anyMatch(w -> w.phase() == Phase.SURVEY_COLLECTION && w.endsOn().isBefore(today));
        if (!ended || scoredAt(y).isPresent()) {
            return false;
        }
        Optional<FrameworkDefinition> def = frameworks.active(y);
        if (def.isEmpty()) {
            LOG.warn("the survey phase of {} has ended but no framework definition is active for it: its answers are not scored", y);
            // the collection is over all the same: its contact lists go (a no-op once they have)
            tx.executeWithoutResult(status -> contacts.purge(y, SYSTEM));
            return false;
        }
        Outcome o = tx.execute(status -> {
            Outcome scored = score(def.get(), FiscalYear.of(y), "PHASE_ENDED", SYSTEM, false);
            if (scored instanceof Outcome.Scored) {
                contacts.purge(y, SYSTEM);
            }
            return scored;
        });
        if (o instanceof Outcome.Scored s) {
            LOG.info("survey phase of {} ended: scored {} agencies from {} responses", y, s.agencies(), s.responses());
            return true;
        }
        return false;
    }

    /**
     * Marks the year scored and stores its computed results, in the caller's transaction. A closing by hand scores again
     * (replacing computed rows); the scheduled close scores only when its mark is the first.
     */
    private Outcome score(FrameworkDefinition def, FiscalYear year, String reason, String actor, boolean again) {
        java.time.OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        int marked = jdbc.sql("insert into survey_scoring (fiscal_year, scored_at, reason, agencies, responses) values (?, ?, ?, 0, 0)"
                        + (again ? " on conflict (fiscal_year) do update set scored_at = excluded.scored_at, reason = excluded.reason"
                                 : " on conflict do nothing"))
                .params(year.buddhistEra(), now, reason).update();
        if (marked == 0) {
            return new Outcome.AlreadyClosed();
        }
        List<ComputedResults.Computed> computed = scores.of(def, year);
        ComputedResults.Stored stored = results.store(actor, year, computed);
        int responses = computed.stream().mapToInt(c -> c.basis().total()).sum();
        jdbc.sql("update survey_scoring set agencies = ?, responses = ? where fiscal_year = ?")
                .params(stored.written(), responses, year.buddhistEra()).update();
        return new Outcome.Scored(stored.written(), responses, stored.officialKept().size());
    }

    private Optional<java.time.OffsetDateTime> scoredAt(int year) {
        return jdbc.sql("select scored_at from survey_scoring where fiscal_year = ?").param(year)
                .query(java.time.OffsetDateTime.class).optional();
    }

    /** Every year with a survey phase, newest first, with whether it is closed and scored. */
    List<YearState> years() {
        List<YearState> out = new java.util.ArrayList<>();
        for (int y : cycles.years()) {
            for (PhaseWindow w : cycles.windows(y).orElse(List.of())) {
                if (w.phase() == Phase.SURVEY_COLLECTION) {
                    out.add(state(y, w));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(YearState::year).reversed());
        return out;
    }

    Optional<YearState> year(FiscalYear year) {
        return years().stream().filter(s -> s.year() == year.buddhistEra()).findFirst();
    }

    private YearState state(int y, PhaseWindow w) {
        Optional<java.time.OffsetDateTime> closed = jdbc.sql("select closed_at from survey_closing where fiscal_year = ?").param(y)
                .query(java.time.OffsetDateTime.class).optional();
        int responses = jdbc.sql("select count(*) from survey_response where fiscal_year = ?").param(y).query(Integer.class).single();
        Optional<java.time.OffsetDateTime> scored = scoredAt(y);
        boolean running = !w.endsOn().isBefore(cycles.today());
        boolean closable = closed.isEmpty() && (scored.isEmpty() || running);
        return new YearState(y, w.startsOn(), w.endsOn(), closed, scored, responses, closable, closed.isPresent() && running);
    }
}
