package org.openita.server.survey.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseEndedEarly;
import org.openita.server.cycle.PhaseWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The survey window of today, looked up at most every few seconds: an answer page is served without a database
 * connection while the window is known. A calendar change is seen within {@link #FRESH} and a request; an early close
 * made here at once ({@link #forget}). A look-up that fails (the database away) keeps the last value, so answer pages
 * do not queue behind it.
 */
@Component
class SurveyWindows implements PhaseEndedEarly {

    static final Duration FRESH = Duration.ofSeconds(5);

    private final CycleService cycles;
    private final JdbcClient jdbc;
    private final LoadingCache<LocalDate, Optional<SurveyWindow>> byDay;
    /** The years whose surveys the central administrator closed (read on every page by the cycle banner). */
    private final LoadingCache<Boolean, Set<Integer>> closedYears;

    SurveyWindows(CycleService cycles, JdbcClient jdbc) {
        this.cycles = cycles;
        this.jdbc = jdbc;
        // refreshed in the background after FRESH, the old value served meanwhile (also while the database is away)
        this.byDay = Caffeine.newBuilder().refreshAfterWrite(FRESH).expireAfterWrite(Duration.ofHours(1)).maximumSize(4)
                .build(this::lookUp);
        this.closedYears = Caffeine.newBuilder().refreshAfterWrite(FRESH).expireAfterWrite(Duration.ofHours(1)).maximumSize(1)
                .build(any -> Set.copyOf(jdbc.sql("select fiscal_year from survey_closing").query(Integer.class).list()));
    }

    Optional<SurveyWindow> today() {
        return byDay.get(cycles.today());
    }

    /** Whether the central administrator has closed the year's surveys (and not reopened them). */
    boolean closed(FiscalYear year) {
        return closedYears.get(Boolean.TRUE).contains(year.buddhistEra());
    }

    /**
     * Whether the year's surveys take no more answers: closed by the central administrator, or its survey phase has
     * ended by the calendar.
     */
    boolean over(FiscalYear year) {
        LocalDate today = cycles.today();
        return closed(year) || cycles.windows(year.buddhistEra()).orElse(List.of()).stream()
                .anyMatch(w -> w.phase() == Phase.SURVEY_COLLECTION && w.endsOn().isBefore(today));
    }

    @Override
    public boolean endedEarly(int fiscalYear, Phase phase) {
        return phase == Phase.SURVEY_COLLECTION && closed(FiscalYear.of(fiscalYear));
    }

    /** Forgets what is known, after the calendar changed or the surveys were closed or reopened here. */
    void forget() {
        byDay.invalidateAll();
        closedYears.invalidateAll();
    }

    private Optional<SurveyWindow> lookUp(LocalDate today) {
        Set<Integer> closed = Set.copyOf(jdbc.sql("select fiscal_year from survey_closing").query(Integer.class).list());
        record Found(int year, PhaseWindow window) {
        }
        List<Found> all = cycles.years().stream()
                .flatMap(y -> cycles.windows(y).orElse(List.of()).stream().filter(w -> w.phase() == Phase.SURVEY_COLLECTION)
                        .map(w -> new Found(y, w)))
                .sorted(Comparator.comparing((Found f) -> f.window().startsOn()))
                .toList();
        Optional<Found> running = all.stream().filter(f -> f.window().contains(today) && !closed.contains(f.year())).findFirst();
        // a year closed early is still the year of today's phase: its card and answer pages say it is closed
        Optional<Found> chosen = running
                .or(() -> all.stream().filter(f -> f.window().contains(today)).findFirst())
                .or(() -> all.stream().filter(f -> today.isBefore(f.window().startsOn())).findFirst())
                .or(() -> all.stream().reduce((a, b) -> b));
        return chosen.map(f -> new SurveyWindow(FiscalYear.of(f.year()), f.window().startsOn(), f.window().endsOn(),
                closed.contains(f.year()), running.isPresent()));
    }
}
