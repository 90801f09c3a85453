package org.openita.report;

import java.time.LocalDate;
import org.openita.core.thai.DigitStyle;

/**
 * How to print the report.
 *
 * @param digits Thai or Arabic digits for every number and date
 * @param date the report's date, printed on the cover (Buddhist era)
 * @param logo the agency's logo (PNG or JPEG bytes), or null
 * @param confirmedMeasures true when the measures are the agency's confirmed ones, false for drafts
 */
public record ReportOptions(DigitStyle digits, LocalDate date, byte[] logo, boolean confirmedMeasures) {

    public static ReportOptions defaults(LocalDate date) {
        return new ReportOptions(DigitStyle.THAI, date, null, false);
    }
}
