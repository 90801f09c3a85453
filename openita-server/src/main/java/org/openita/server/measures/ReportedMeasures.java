package org.openita.server.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.LocalizedText;

/** Measures in the form the analysis report prints them. */
public final class ReportedMeasures {

    private ReportedMeasures() {
    }

    /**
     * The responsible unit, followed by the owner in brackets when the measure has one (a public copy has none: see
     * publication's public view); the progress date is the first milestone that falls while the measure runs.
     */
    public static List<DraftMeasure> of(List<Measure> measures) {
        return measures.stream().map(m -> new DraftMeasure(
                LocalizedText.of(m.title(), m.title()), m.steps().stream().map(s -> LocalizedText.of(s, s)).toList(),
                responsible(m),
                LocalizedText.of(m.addresses(), m.addresses()),
                firstMilestoneWhileRunning(m), m.dueOn(),
                m.success() == null || m.success().isBlank() ? null : LocalizedText.of(m.success(), m.success()), m.startsOn(), null)).toList();
    }

    /**
     * The first milestone that falls while the measure runs (not before its start month, not after its due date):
     * the report prints it as the measure's progress date; one set outside those months is not printed.
     */
    private static LocalDate firstMilestoneWhileRunning(Measure m) {
        YearMonth start = m.startsOn() == null ? null : YearMonth.from(m.startsOn());
        return m.milestones().stream().map(Measure.Milestone::dueOn)
                .filter(d -> start == null || !YearMonth.from(d).isBefore(start))
                .filter(d -> m.dueOn() == null || !d.isAfter(m.dueOn()))
                .findFirst().orElse(null);
    }

    private static String responsible(Measure m) {
        String unit = m.unit() == null ? "" : m.unit().strip();
        if (m.owner() == null || m.owner().isBlank()) {
            return unit;
        }
        return unit.isEmpty() ? m.owner().strip() : unit + " (" + m.owner().strip() + ")";
    }
}
