package org.openita.core.analysis;

import java.time.LocalDate;
import java.util.List;
import org.openita.core.framework.GeneralMeasure;
import org.openita.core.framework.LocalizedText;

/**
 * A measure (มาตรการ) for the agency's plan: what, how, who, when and how success is shown. The analysis
 * drafts general measures (every agency takes them) and one measure per weakness; the agency edits and confirms
 * its measures, and the report prints the confirmed ones when it has them.
 *
 * @param addresses what it responds to, e.g. "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"; blank for a general measure
 * @param progressDate the first quarterly progress check while the measure runs (never before its start nor after
 *                     its due date), or null
 * @param dueDate the last day of the month it should be done by
 * @param success how the agency shows it succeeded (ตัวชี้วัดความสำเร็จ), or null when not given
 * @param startDate the first day of the month it starts, or null when not given
 * @param timing when a draft runs within its plan; null for a measure the agency has confirmed
 */
public record DraftMeasure(LocalizedText measure, List<LocalizedText> steps, String unit, LocalizedText addresses,
                           LocalDate progressDate, LocalDate dueDate, LocalizedText success, LocalDate startDate,
                           GeneralMeasure.Timing timing) {

    public DraftMeasure {
        steps = List.copyOf(steps);
        addresses = addresses == null ? LocalizedText.of("", "") : addresses;
    }

    public DraftMeasure(LocalizedText measure, List<LocalizedText> steps, String unit, LocalizedText addresses,
                        LocalDate progressDate, LocalDate dueDate) {
        this(measure, steps, unit, addresses, progressDate, dueDate, null, null, null);
    }

    /** A measure every agency takes, not tied to a weakness. */
    public boolean general() {
        return addresses.th().isBlank();
    }

    /** The same draft placed in a plan's months. */
    public DraftMeasure scheduled(MeasureSchedule schedule) {
        if (timing == null) {
            return this;
        }
        MeasureSchedule.Span span = schedule.span(timing);
        return new DraftMeasure(measure, steps, unit, addresses, schedule.firstCheckWithin(span.first(), span.due()), span.due(), success,
                span.first(), timing);
    }
}
