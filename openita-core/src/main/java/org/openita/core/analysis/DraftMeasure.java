package org.openita.core.analysis;

import java.time.LocalDate;
import java.util.List;
import org.openita.core.framework.LocalizedText;

/**
 * A measure (มาตรการ) the analysis proposes for a weakness: what, how, who and when it is checked. The
 * agency edits and confirms its measures; the report prints the confirmed ones when it has them.
 *
 * @param addresses what it responds to, e.g. "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"
 * @param progressDate the mid-year progress check, inside the fiscal year the measure runs in
 * @param dueDate when it should be done, inside the same fiscal year
 */
public record DraftMeasure(LocalizedText measure, List<LocalizedText> steps, String unit, LocalizedText addresses,
                           LocalDate progressDate, LocalDate dueDate) {

    public DraftMeasure {
        steps = List.copyOf(steps);
    }
}
