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
 * @param publicCopy true for the copy anyone may download: the caller has already cut the content to what the
 *                   public may see; the report then says plainly that an unconfirmed plan is not shown (instead
 *                   of printing drafts), and lists progress by date and status without notes or evidence
 */
public record ReportOptions(DigitStyle digits, LocalDate date, byte[] logo, boolean confirmedMeasures, boolean publicCopy) {

    /** The agency's own copy. */
    public ReportOptions(DigitStyle digits, LocalDate date, byte[] logo, boolean confirmedMeasures) {
        this(digits, date, logo, confirmedMeasures, false);
    }

    public static ReportOptions defaults(LocalDate date) {
        return new ReportOptions(DigitStyle.THAI, date, null, false);
    }

    /** Whether the measures are left out because the agency has not confirmed them (public copy only). */
    boolean measuresWithheld() {
        return publicCopy && !confirmedMeasures;
    }

    /** The sentence a public copy prints where an unconfirmed plan's measures would be. */
    static String notConfirmed(String measuresYear) {
        return Phrases.fill("measures.withheld", java.util.Map.of("planYear", measuresYear));
    }
}
