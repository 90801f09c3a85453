package org.openita.server.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One measure of an agency's plan, with its monitoring milestones and its progress updates (oldest first).
 *
 * @param success how the agency shows it succeeded (ตัวชี้วัดความสำเร็จ), or null
 * @param version increases with every change, so an edit made on an old copy is refused instead of lost
 * @param overdue whether it was overdue on the day it was read (the API's "overdue" field)
 */
public record Measure(long id, int position, String title, List<String> steps, String unit, String owner, LocalDate startsOn,
                      LocalDate dueOn, String addresses, List<String> oitItems, MeasureStatus status, int version,
                      List<Milestone> milestones, List<Progress> progress, String success, boolean overdue) {

    /** A measure as read on {@code today}: overdue when it is still open and its due date has passed. */
    public static Measure asOf(LocalDate today, long id, int position, String title, List<String> steps, String unit, String owner,
                        LocalDate startsOn, LocalDate dueOn, String addresses, List<String> oitItems, MeasureStatus status,
                        int version, List<Milestone> milestones, List<Progress> progress, String success) {
        return new Measure(id, position, title, steps, unit, owner, startsOn, dueOn, addresses, oitItems, status, version,
                milestones, progress, success, overdue(status, dueOn, today));
    }

    public record Milestone(long id, String label, LocalDate dueOn, LocalDate reachedOn) {
        public boolean overdue(LocalDate today) {
            return reachedOn == null && dueOn.isBefore(today);
        }
    }

    public record Progress(long id, Instant recordedAt, LocalDate recordedOn, String recordedBy, MeasureStatus status, String note,
                           List<String> evidence) {
    }

    /** This measure as read on {@code today} (a copy kept since another day says whether it is overdue now). */
    public Measure asOf(LocalDate today) {
        return new Measure(id, position, title, steps, unit, owner, startsOn, dueOn, addresses, oitItems, status, version, milestones,
                progress, success, overdue(status, dueOn, today));
    }

    public boolean overdue(LocalDate today) {
        return overdue(status, dueOn, today);
    }

    private static boolean overdue(MeasureStatus status, LocalDate dueOn, LocalDate today) {
        return status.open() && dueOn != null && dueOn.isBefore(today);
    }
}
