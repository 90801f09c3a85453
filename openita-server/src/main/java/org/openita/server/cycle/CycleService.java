package org.openita.server.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cycles per fiscal year with their phase windows, in PostgreSQL. Today is taken from the server's clock, in Asia/Bangkok. */
@Service
public class CycleService {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CycleService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in Asia/Bangkok by the given clock, whatever the clock's own zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(BANGKOK));
    }

    /** Today in Asia/Bangkok by the server's clock. */
    public LocalDate today() {
        return today(clock);
    }

    public List<Integer> years() {
        return jdbc.sql("select fiscal_year from assessment_cycle order by fiscal_year desc").query(Integer.class).list();
    }

    /** Whether the year's results have been announced: its cycle's results phase has begun. */
    public boolean resultsAnnounced(int year) {
        LocalDate today = today();
        return windows(year).map(ws -> ws.stream().anyMatch(w -> w.phase() == Phase.RESULTS_ANNOUNCED && !today.isBefore(w.startsOn())))
                .orElse(false);
    }

    public Optional<List<PhaseWindow>> windows(int year) {
        List<PhaseWindow> w = jdbc.sql("select phase, starts_on, ends_on from cycle_phase where fiscal_year = ? order by starts_on, phase")
                .param(year).query((rs, n) -> new PhaseWindow(Phase.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
        List<PhaseWindow> ordered = w.stream().sorted(java.util.Comparator.comparing(PhaseWindow::startsOn)
                .thenComparing(PhaseWindow::phase)).toList();
        return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered);
    }

    /** Creates or replaces a year's calendar after checking it; returns the problems instead when there are any. */
    @Transactional
    public List<String> save(String actor, FiscalYear year, List<PhaseWindow> windows) {
        List<String> problems = CycleCalendar.problems(year, windows);
        if (!problems.isEmpty()) {
            return problems;
        }
        Optional<List<PhaseWindow>> before = windows(year.buddhistEra());
        jdbc.sql("insert into assessment_cycle (fiscal_year) values (?) on conflict do nothing").param(year.buddhistEra()).update();
        jdbc.sql("delete from cycle_phase where fiscal_year = ?").param(year.buddhistEra()).update();
        for (PhaseWindow w : windows) {
            jdbc.sql("insert into cycle_phase (fiscal_year, phase, starts_on, ends_on) values (?, ?, ?, ?)")
                    .params(year.buddhistEra(), w.phase().name(), w.startsOn(), w.endsOn()).update();
        }
        audit.record(actor, before.isPresent() ? "CYCLE_UPDATED" : "CYCLE_CREATED", "cycle:" + year,
                before.map(CycleService::describe).orElse(null), describe(windows));
        return List.of();
    }

    private static Map<String, String> describe(List<PhaseWindow> windows) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        windows.forEach(w -> m.put(w.phase().name(), w.startsOn() + "/" + w.endsOn()));
        return m;
    }
}
