package org.openita.server.oit.internal.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled re-check: every submitted link of the years whose calendar is in an OIT phase today (OIT submission
 * through confirmation) is fetched again once per period, so an assessor sees whether the evidence is still there.
 * With several processes, the {@link TaskGuard} lets one of them queue.
 */
class Rechecks {

    private final JdbcClient jdbc;
    private final FetchJobs jobs;
    private final CycleService cycles;
    private final TaskGuard guard;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final QueueProperties settings;
    private final String task;

    Rechecks(JdbcClient jdbc, FetchJobs jobs, CycleService cycles, TaskGuard guard, AuditTrail audit, TransactionTemplate tx,
             Clock clock, QueueProperties settings, String task) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.cycles = cycles;
        this.guard = guard;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.task = task;
    }

    /**
     * Queues the re-check if a year is in its OIT phases, the period has passed and no other process took it: the jobs
     * added, or empty when not due.
     */
    Optional<Integer> runIfDue() {
        return tx.execute(status -> {
            List<Integer> years = yearsInOit(CycleService.today(clock));
            if (years.isEmpty() || !guard.claim(task, settings.recheckEvery(), clock.instant())) {
                return Optional.<Integer>empty();
            }
            int added = queue(years);
            audit.record("system", "OIT_RECHECK_QUEUED", "oit:" + task, null, Map.of("years", years, "jobs", added));
            return Optional.of(added);
        });
    }

    /** The years whose calendar has today between the first day of OIT submission and the last of confirmation. */
    List<Integer> yearsInOit(LocalDate today) {
        List<Integer> out = new ArrayList<>();
        for (int year : cycles.years()) {
            cycles.windows(year).ifPresent(ws -> {
                LocalDate from = start(ws, Phase.OIT_SUBMISSION);
                LocalDate to = end(ws, Phase.CONFIRMATION);
                if (from != null && to != null && !today.isBefore(from) && !today.isAfter(to)) {
                    out.add(year);
                }
            });
        }
        return out;
    }

    private static LocalDate start(List<PhaseWindow> ws, Phase p) {
        return ws.stream().filter(w -> w.phase() == p).map(PhaseWindow::startsOn).findFirst().orElse(null);
    }

    private static LocalDate end(List<PhaseWindow> ws, Phase p) {
        return ws.stream().filter(w -> w.phase() == p).map(PhaseWindow::endsOn).findFirst().orElse(null);
    }

    private int queue(List<Integer> years) {
        List<FetchJobs.Link> links = jdbc.sql("select distinct l.agency_code, l.fiscal_year, l.item_code, l.url"
                        + " from oit_submitted_link l join oit_submission s"
                        + "   on s.agency_code = l.agency_code and s.fiscal_year = l.fiscal_year and s.item_code = l.item_code"
                        + " where s.state = 'SUBMITTED' and l.fiscal_year = any(?) order by 1, 2, 3, 4")
                .param(years.toArray(new Integer[0]))
                .query((rs, n) -> new FetchJobs.Link(AgencyCode.of(rs.getString(1)), FiscalYear.of(rs.getInt(2)), rs.getString(3),
                        rs.getString(4)))
                .list();
        return jobs.enqueue(interleavedByHost(links), LinkChecks.Reason.SCHEDULED);
    }

    /**
     * The links in turns over their hosts (the first link of each host, then the second of each...): jobs are claimed in
     * the order they were queued, so the workers fetch from many sites at once instead of waiting, one behind the other,
     * on one site's politeness delay.
     */
    static List<FetchJobs.Link> interleavedByHost(List<FetchJobs.Link> links) {
        java.util.Map<String, java.util.ArrayDeque<FetchJobs.Link>> byHost = new java.util.LinkedHashMap<>();
        for (FetchJobs.Link l : links) {
            byHost.computeIfAbsent(FetchJobs.host(l.url()), h -> new java.util.ArrayDeque<>()).add(l);
        }
        List<FetchJobs.Link> out = new ArrayList<>(links.size());
        while (out.size() < links.size()) {
            for (java.util.ArrayDeque<FetchJobs.Link> q : byHost.values()) {
                if (!q.isEmpty()) {
                    out.add(q.poll());
                }
            }
        }
        return out;
    }
}
