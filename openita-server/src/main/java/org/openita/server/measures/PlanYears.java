package org.openita.server.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.analysis.MeasureSchedule;
import org.openita.core.framework.FiscalYear;

/**
 * The fiscal years an agency's measures for an assessment year really run in, by the rule the report uses
 * ({@link MeasureSchedule#yearOf}): each measure in the year of its start (or first milestone, or due date), never
 * before the year after the assessment; a measure without dates in the year its plan runs in. A plan made late runs
 * in a later year than the assessment year + 1, and a plan may reach into the year after; the pages say so.
 *
 * @param groups the measures by fiscal year, earliest year first, each numbered in the plan's order
 */
public record PlanYears(List<Group> groups) {

    /** The measures that run in one fiscal year (Buddhist era). */
    public record Group(int year, List<Row> rows) {
    }

    /** A measure with its number in the plan. */
    public record Row(int number, Measure measure) {
    }

    /** The measures year of an assessment year: the fiscal year after it. */
    public static FiscalYear measuresYear(FiscalYear assessmentYear) {
        return assessmentYear.next();
    }

    /** The plan's measures by the year they run in; with no measures, the one year the drafts are planned in. */
    public static PlanYears of(FiscalYear assessmentYear, List<Measure> measures, FiscalYear draftsYear) {
        if (measures.isEmpty()) {
            return new PlanYears(List.of(new Group(draftsYear.buddhistEra(), List.of())));
        }
        FiscalYear measuresYear = measuresYear(assessmentYear);
        List<DraftMeasure> asReported = ReportedMeasures.of(measures);
        FiscalYear planYear = MeasureSchedule.covering(measuresYear, asReported).year();
        Map<Integer, List<Row>> byYear = new TreeMap<>();
        for (int i = 0; i < measures.size(); i++) {
            FiscalYear y = MeasureSchedule.yearOf(measuresYear, asReported.get(i));
            byYear.computeIfAbsent((y == null ? planYear : y).buddhistEra(), k -> new ArrayList<>()).add(new Row(i + 1, measures.get(i)));
        }
        List<Group> groups = new ArrayList<>();
        byYear.forEach((year, rows) -> groups.add(new Group(year, List.copyOf(rows))));
        return new PlanYears(List.copyOf(groups));
    }

    /** The fiscal year one measure runs in. */
    public static int yearOf(FiscalYear assessmentYear, Measure measure) {
        return of(assessmentYear, List.of(measure), measuresYear(assessmentYear)).groups().get(0).year();
    }

    public List<Integer> years() {
        return groups.stream().map(Group::year).toList();
    }

    /** Whether the measures run in more than one fiscal year (the page then heads each year's measures). */
    public boolean severalYears() {
        return groups.size() > 1;
    }

    /** "2570", "2569 และ 2570", "2569, 2570 และ 2571": {@code and} is the word of the page's language. */
    public String label(String and) {
        List<String> ys = years().stream().map(String::valueOf).toList();
        if (ys.size() == 1) {
            return ys.get(0);
        }
        return String.join(", ", ys.subList(0, ys.size() - 1)) + " " + and + " " + ys.get(ys.size() - 1);
    }
}
