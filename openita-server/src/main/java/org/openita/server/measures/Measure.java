package org.openita.server.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One measure of an agency's plan, with its monitoring milestones and its progress updates (oldest first).
 *
 * @param success how the agency shows it succeeded (ตัวชี้วัดความสำเร็จ), or null
 * @param version increases with every change, so an edit made on an old copy is refused instead of lost
 */
public record Measure(long id, int position, String title, List<String> steps, String unit, String owner, LocalDate startsOn,
                      LocalDate dueOn, String addresses, List<String> oitItems, MeasureStatus status, int version,
                      List<Milestone> milestones, List<Progress> progress, String success) {

    public record Milestone(long id, String label, LocalDate dueOn, LocalDate reachedOn) {
        public boolean overdue(LocalDate today) {
            return reachedOn == null && dueOn.isBefore(today);
        }
    }

    public record Progress(long id, Instant recordedAt, LocalDate recordedOn, String recordedBy, MeasureStatus status, String note,
                           List<String> evidence) {
    }

    public boolean overdue(LocalDate today) {
        return status.open() && dueOn != null && dueOn.isBefore(today);
    }

    /** Overdue today (Bangkok): the API's "overdue" field. */
    public boolean isOverdue() {
        return overdue(MeasurePlans.today());
    }
}
