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
 * @param survey when the scores were computed from the agency's own survey answers, how many there were; else null
 */
public record ReportOptions(DigitStyle digits, LocalDate date, byte[] logo, boolean confirmedMeasures, boolean publicCopy,
                            SurveyBasis survey) {

    /**
     * How many survey responses the scores were computed from, by who answered.
     *
     * @param staff responses of the agency's staff (IIT)
     * @param serviceUsers responses of service users (EIT part 1)
     * @param assessed responses collected by assessors (EIT part 2)
     */
    public record SurveyBasis(int staff, int serviceUsers, int assessed, java.util.List<BelowMinimum> belowMinimum) {

        public SurveyBasis {
            belowMinimum = java.util.List.copyOf(belowMinimum);
        }

        /** Every group at or above its minimum (or without one). */
        public SurveyBasis(int staff, int serviceUsers, int assessed) {
            this(staff, serviceUsers, assessed, java.util.List.of());
        }

        public int total() {
            return staff + serviceUsers + assessed;
        }
    }

    /** Who answered a survey. */
    public enum Respondents { STAFF, SERVICE_USERS, ASSESSED }

    /**
     * A group whose responses were fewer than the minimum the year's definition set for the agency when its surveys
     * closed: the report says so plainly beside the number of responses.
     */
    public record BelowMinimum(Respondents group, int responses, int minimum) {
    }

    public ReportOptions(DigitStyle digits, LocalDate date, byte[] logo, boolean confirmedMeasures, boolean publicCopy) {
        this(digits, date, logo, confirmedMeasures, publicCopy, null);
    }

    /** The same options, for scores computed from the agency's own survey answers. */
    public ReportOptions withSurvey(SurveyBasis basis) {
        return new ReportOptions(digits, date, logo, confirmedMeasures, publicCopy, basis);
    }

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
