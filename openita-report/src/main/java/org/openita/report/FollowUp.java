package org.openita.report;

import java.time.LocalDate;
import java.util.List;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.framework.FiscalYear;

/**
 * What the follow-up report (รายงานผลการดำเนินการตามมาตรการ) says: the agency's measures for the year
 * after an assessment and what was recorded on each.
 *
 * @param assessmentYear the assessment the measures respond to
 * @param measuresYear the fiscal year the measures run in
 * @param overall the assessment's overall score, or null
 * @param level the assessment's level name, or null when undetermined
 * @param asOf the day the report is made; overdue means a due date before it
 */
public record FollowUp(AgencyProfile agency, FiscalYear assessmentYear, int measuresYear, Double overall, String level,
                       List<Measure> measures, LocalDate asOf) {

    public FollowUp {
        measures = List.copyOf(measures);
    }

    /** Where a measure stands; a dropped measure carries its reason in its last update's note. */
    public enum Status {
        NOT_STARTED, IN_PROGRESS, DONE, DROPPED;

        /** The status as the report names it (follow-up-report.properties, followup.status.*). */
        public String thai() {
            return Phrases.get("followup.status." + name());
        }

        public boolean open() {
            return this == NOT_STARTED || this == IN_PROGRESS;
        }
    }

    public record Measure(String title, List<String> steps, String unit, String owner, LocalDate startsOn, LocalDate dueOn,
                          String addresses, Status status, List<Milestone> milestones, List<Update> updates) {
        public Measure {
            steps = List.copyOf(steps);
            milestones = List.copyOf(milestones);
            updates = List.copyOf(updates);
        }

        public boolean overdue(LocalDate today) {
            return status.open() && dueOn != null && dueOn.isBefore(today);
        }
    }

    /** A monitoring point, e.g. a progress report by 31 March; {@code reachedOn} is null until it is reached. */
    public record Milestone(String label, LocalDate dueOn, LocalDate reachedOn) {
    }

    /** One progress update, oldest first. */
    public record Update(LocalDate on, Status status, String note, List<String> evidence, String by) {
        public Update {
            evidence = List.copyOf(evidence);
        }
    }
}
