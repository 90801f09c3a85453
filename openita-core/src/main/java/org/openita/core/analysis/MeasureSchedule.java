package org.openita.core.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.GeneralMeasure;

/**
 * The months in which a plan of measures runs, and its quarterly monitoring dates.
 *
 * <p>The plan runs in the fiscal year after the assessment (the measures year). Drafted before that year starts,
 * it takes all twelve months. Drafted during it, it starts the month after the draft, so that no due date is
 * already past. When fewer than {@link #MIN_MONTHS} months would remain, or the measures year is already over,
 * the plan moves to the next fiscal year that leaves room, and the report says so plainly ({@link #moved()}).
 *
 * @param measuresYear the fiscal year after the assessment
 * @param year the fiscal year the plan actually runs in
 * @param first the first month of the plan
 * @param draftedOn the date of the draft, or null when not known (then the whole measures year)
 */
public record MeasureSchedule(FiscalYear measuresYear, FiscalYear year, YearMonth first, LocalDate draftedOn) {

    /** The fewest months a plan may have before it moves to the next fiscal year. */
    public static final int MIN_MONTHS = 3;

    /** Where a measure with a given timing starts and by when it is due. */
    public record Span(LocalDate first, LocalDate due) {
    }

    public static MeasureSchedule of(FiscalYear measuresYear, LocalDate draftedOn) {
        if (draftedOn == null || draftedOn.isBefore(measuresYear.firstDay())) {
            return new MeasureSchedule(measuresYear, measuresYear, YearMonth.from(measuresYear.firstDay()), draftedOn);
        }
        YearMonth next = YearMonth.from(draftedOn).plusMonths(1);
        FiscalYear year = FiscalYear.containing(next.atDay(1));
        if (year.compareTo(measuresYear) < 0) {
            year = measuresYear;
        }
        if (monthsBetween(next, YearMonth.from(year.lastDay())) < MIN_MONTHS) {
            year = year.next();
            next = YearMonth.from(year.firstDay());
        }
        return new MeasureSchedule(measuresYear, year, next, draftedOn);
    }

    /**
     * The whole fiscal year that confirmed measures run in: the measures year, or the later year in which the
     * earliest of them runs ({@link #yearOf}), so that the month grid and the quarterly checks are those of the
     * measures' own dates.
     */
    public static MeasureSchedule covering(FiscalYear measuresYear, List<DraftMeasure> measures) {
        FiscalYear year = measures.stream().map(m -> yearOf(measuresYear, m)).filter(java.util.Objects::nonNull)
                .min(FiscalYear::compareTo).orElse(measuresYear);
        if (year.compareTo(measuresYear) <= 0) {
            return of(measuresYear, null);
        }
        return new MeasureSchedule(measuresYear, year, YearMonth.from(year.firstDay()), null);
    }

    /**
     * The fiscal year a measure runs in: the year of its start (or of its first milestone, or of its due date, when
     * it has no start), never earlier than the measures year; null when the measure has no date at all (it then
     * runs in whatever year its plan does).
     */
    public static FiscalYear yearOf(FiscalYear measuresYear, DraftMeasure m) {
        LocalDate first = m.startDate() != null ? m.startDate() : m.progressDate() != null ? m.progressDate() : m.dueDate();
        if (first == null) {
            return null;
        }
        FiscalYear year = FiscalYear.containing(first);
        return year.compareTo(measuresYear) < 0 ? measuresYear : year;
    }

    private static int monthsBetween(YearMonth from, YearMonth to) {
        return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
    }

    /** Whether the plan runs in a later fiscal year than the measures year, because that year had no room left. */
    public boolean moved() {
        return !year.equals(measuresYear);
    }

    /** Whether the plan starts after the first month of its fiscal year. */
    public boolean partYear() {
        return !first.equals(YearMonth.from(year.firstDay()));
    }

    public YearMonth last() {
        return YearMonth.from(year.lastDay());
    }

    /** The plan's months, first to last. */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last()); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The quarter ends of the plan's year that fall within the plan: the dates progress is reported. */
    public List<LocalDate> monitoring() {
        List<LocalDate> out = new ArrayList<>();
        for (YearMonth m : months()) {
            if (m.getMonthValue() % 3 == 0) {
                out.add(m.atEndOfMonth());
            }
        }
        return out;
    }

    /**
     * The first monitoring date within a measure's months, from its start to its due date; null when no quarter
     * ends while it runs (a measure of a month or two is simply reported at the next round).
     */
    LocalDate firstCheckWithin(LocalDate start, LocalDate due) {
        return monitoring().stream().filter(d -> !d.isBefore(start) && !d.isAfter(due)).findFirst().orElse(null);
    }

    /** The months a measure of the given timing takes within this plan. */
    public Span span(GeneralMeasure.Timing timing) {
        List<YearMonth> months = months();
        int n = months.size();
        int from;
        int to;
        switch (timing) {
            case START -> {
                from = 0;
                to = 0;
            }
            case EARLY -> {
                from = 0;
                to = Math.min(1, n - 1);
            }
            case MAIN -> {
                from = Math.min(1, n - 1);
                to = Math.max(from, n - 2);
            }
            default -> {
                from = 0;
                to = n - 1;
            }
        }
        return new Span(months.get(from).atDay(1), months.get(to).atEndOfMonth());
    }
}
