package org.openita.server.measures.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.measures.Measure;
import org.springframework.stereotype.Component;

/** What the agency administrator should act on: measures and milestones overdue or due within 30 days. */
@Component
public class MeasureReminders {

    static final int DUE_SOON_DAYS = 30;

    /** Something due or overdue. */
    public record Reminder(int year, long measureId, String measure, String kind, LocalDate date, String milestone) {
    }

    private final MeasureRows rows;

    MeasureReminders(MeasureRows rows) {
        this.rows = rows;
    }

    /** Across the agency's plans, soonest first. */
    public List<Reminder> reminders(AgencyCode agency, LocalDate today) {
        List<Reminder> out = new ArrayList<>();
        for (FiscalYear fy : rows.planYears(agency)) {
            int year = fy.buddhistEra();
            for (Measure m : rows.measures(agency, fy, today)) {
                if (!m.status().open()) {
                    continue;
                }
                if (m.dueOn() != null && m.dueOn().isBefore(today)) {
                    out.add(new Reminder(year, m.id(), m.title(), "OVERDUE", m.dueOn(), null));
                } else if (m.dueOn() != null && !m.dueOn().isAfter(today.plusDays(DUE_SOON_DAYS))) {
                    out.add(new Reminder(year, m.id(), m.title(), "DUE_SOON", m.dueOn(), null));
                }
                for (Measure.Milestone x : m.milestones()) {
                    if (x.reachedOn() == null && !x.dueOn().isAfter(today.plusDays(DUE_SOON_DAYS))) {
                        out.add(new Reminder(year, m.id(), m.title(), x.dueOn().isBefore(today) ? "MILESTONE_OVERDUE" : "MILESTONE_DUE",
                                x.dueOn(), x.label()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Reminder::date));
        return out;
    }
}
