package org.openita.core.thai;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them into forms and read them back: day/month/year with the Buddhist-era year in
 * Thai ("31/12/2569", "๓๑/๑๒/๒๕๖๙", "31 ธ.ค. 2569"), the Common-era year in English ("31/12/2026",
 * "31 Dec 2026", "Dec 31, 2026"). A year that belongs to the other era is refused with the year the person
 * most likely meant, not silently moved 543 years. An ISO date (2026-12-31) is read in either form, its
 * year telling the era (up to 2299 Common, from 2400 Buddhist). Years run from 1950 to 2200 (2493-2743).
 */
public final class DateEntry {

    /** Which year count a form expects. */
    public enum Era {
        /** พ.ศ.: the Common-era year plus 543. */
        BUDDHIST,
        /** ค.ศ. / A.D. */
        COMMON
    }

    /** What was read: a date, or why not. */
    public sealed interface Reading {
        /** A real day. */
        record Read(LocalDate date) implements Reading {
        }

        /** Not a date in any shape we read. */
        record Unreadable() implements Reading {
        }

        /** The year has two digits (31/12/69): which century is not guessed. */
        record ShortYear() implements Reading {
        }

        /** A year of the other era: 2026 in a Buddhist-era form (likely 2569), or 2569 in a Common-era one (likely 2026). */
        record OtherEra(int typed, int likely) implements Reading {
        }

        /** A year no assessment could have (say 1066 or 3000). */
        record YearOutOfRange(int typed) implements Reading {
        }

        /** The shape is right but no such day exists: 31/04, 29/02 in a common year, month 13. Year as typed. */
        record NoSuchDay(int day, int month, int year) implements Reading {
        }
    }

    static final int OFFSET = 543;
    /** The years a form accepts: Common 1950-2200, Buddhist 2493-2743. */
    static final int CE_FIRST = 1950;
    static final int CE_LAST = 2200;
    static final int BE_FIRST = CE_FIRST + OFFSET;
    static final int BE_LAST = CE_LAST + OFFSET;
    /** Years taken as the other era's (typed by mistake) rather than as out of range: these blocks do not overlap. */
    private static final int LOOKS_COMMON_FROM = 1800;
    private static final int LOOKS_COMMON_TO = 2299;
    private static final int LOOKS_BUDDHIST_FROM = 2400;
    private static final int LOOKS_BUDDHIST_TO = 2899;
    private static final int MAX_LENGTH = 40;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})(?: ?[/.\\-] ?| )(\\d{1,2})(?: ?[/.\\-] ?| )(\\d+)");
    /** Eight digits, as typed on a phone's number pad: 31122569. */
    private static final Pattern COMPACT = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
    /** An era written just before the year: พ.ศ. / B.E. (group 2) or ค.ศ. / A.D. / C.E. (group 3). */
    private static final Pattern ERA_MARK = Pattern.compile(
            "(.*?) ?(?:(พ\\.? ?ศ\\.?|(?<=[ .])b\\.? ?e\\.?)|(ค\\.? ?ศ\\.?|(?<=[ .])(?:a\\.? ?d|c\\.? ?e)\\.?)) ?(\\d+)");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2}) ?([^\\d,]+?) ?,? ?(\\d+)");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z.]+) ?(\\d{1,2}) ?,? ?(\\d+)");
    private static final Map<String, Integer> MONTHS = months();

    private DateEntry() {
    }

    /** Reads a typed date for a form in {@code era}. Thai or Arabic digits; surrounding and doubled spaces are ignored. */
    public static Reading read(String text, Era era) {
        if (text == null) {
            return new Reading.Unreadable();
        }
        String t = ThaiFormat.toArabicDigits(text).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            return new Reading.Unreadable();
        }
        Matcher m = ISO.matcher(t);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            return day(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), m.group(1), year >= LOOKS_BUDDHIST_FROM ? Era.BUDDHIST : Era.COMMON);
        }
        m = NUMERIC.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
        }
        if (m.matches()) {
            return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), era);
        }
        Era own = era;
        Matcher mark = ERA_MARK.matcher(t);
        if (mark.matches()) {
            own = mark.group(2) != null ? Era.BUDDHIST : Era.COMMON;
            t = mark.group(1) + " " + mark.group(4);
        }
        m = DAY_MONTH.matcher(t);
        if (m.matches()) {
            Integer month = MONTHS.get(key(m.group(2)));
            return month == null ? new Reading.Unreadable() : day(Integer.parseInt(m.group(1)), month, m.group(3), own);
        }
        m = MONTH_DAY.matcher(t);
        if (m.matches()) {
            Integer month = MONTHS.get(key(m.group(1)));
            return month == null ? new Reading.Unreadable() : day(Integer.parseInt(m.group(2)), month, m.group(3), own);
        }
        return new Reading.Unreadable();
    }

    /** A date as a form shows it, in the shape {@link #read} takes back: 31/12/2569 (or ๓๑/๑๒/๒๕๖๙), or 31/12/2026. */
    public static String format(LocalDate date, Era era, DigitStyle digits) {
        int year = era == Era.BUDDHIST ? date.getYear() + OFFSET : date.getYear();
        return ThaiFormat.digits(String.format(Locale.ROOT, "%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), year), digits);
    }

    private static Reading day(int day, int month, String yearText, Era era) {
        if (yearText.length() <= 2) {
            return new Reading.ShortYear();
        }
        if (yearText.length() > 4) {
            return new Reading.YearOutOfRange(Integer.parseInt(yearText.substring(0, 5)));
        }
        int year = Integer.parseInt(yearText);
        if (era == Era.BUDDHIST) {
            if (year >= LOOKS_COMMON_FROM && year <= LOOKS_COMMON_TO) {
                return new Reading.OtherEra(year, year + OFFSET);
            }
            if (year < BE_FIRST || year > BE_LAST) {
                return new Reading.YearOutOfRange(year);
            }
        } else {
            if (year >= LOOKS_BUDDHIST_FROM && year <= LOOKS_BUDDHIST_TO) {
                return new Reading.OtherEra(year, year - OFFSET);
            }
            if (year < CE_FIRST || year > CE_LAST) {
                return new Reading.YearOutOfRange(year);
            }
        }
        try {
            return new Reading.Read(LocalDate.of(era == Era.BUDDHIST ? year - OFFSET : year, month, day));
        } catch (DateTimeException e) {
            return new Reading.NoSuchDay(day, month, year);
        }
    }

    /** A month name without dots or spaces, lower case: "ธค", "ธันวาคม", "dec", "december". */
    private static String key(String name) {
        return name.replace(".", "").replace(" ", "");
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> names = new HashMap<>();
        Locale thai = Locale.forLanguageTag("th-TH");
        for (Month month : Month.values()) {
            for (TextStyle style : new TextStyle[] {TextStyle.FULL, TextStyle.SHORT}) {
                names.put(key(month.getDisplayName(style, thai)), month.getValue());
                names.put(key(month.getDisplayName(style, Locale.ENGLISH).toLowerCase(Locale.ROOT)), month.getValue());
            }
        }
        names.put("sept", 9);
        return Map.copyOf(names);
    }
}
