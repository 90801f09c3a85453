package org.openita.core.framework;

import java.time.LocalDate;

/**
 * A Thai government fiscal year (ปีงบประมาณ), named in the Buddhist era. It runs from 1 October to
 * 30 September and is named after the Common Era year in which it ends, plus 543.
 */
public record FiscalYear(int buddhistEra) implements Comparable<FiscalYear> {

    public static final int BE_OFFSET = 543;

    public FiscalYear {
        if (buddhistEra < 2500 || buddhistEra > 2700) {
            throw new IllegalArgumentException("fiscal year must be a Buddhist-era year between 2500 and 2700: " + buddhistEra);
        }
    }

    public static FiscalYear of(int buddhistEra) {
        return new FiscalYear(buddhistEra);
    }

    public static FiscalYear containing(LocalDate date) {
        int endCe = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
        return new FiscalYear(endCe + BE_OFFSET);
    }

    public LocalDate firstDay() {
        return LocalDate.of(buddhistEra - BE_OFFSET - 1, 10, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(buddhistEra - BE_OFFSET, 9, 30);
    }

    /** The last day of the first six months (31 March), used by "first half" OIT period rules. */
    public LocalDate lastDayOfFirstHalf() {
        return LocalDate.of(buddhistEra - BE_OFFSET, 3, 31);
    }

    /** Quarter 1 is October to December. */
    public static int quarterOf(LocalDate date) {
        return ((date.getMonthValue() + 2) % 12) / 3 + 1;
    }

    public FiscalYear previous() {
        return new FiscalYear(buddhistEra - 1);
    }

    public FiscalYear next() {
        return new FiscalYear(buddhistEra + 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(buddhistEra, other.buddhistEra);
    }

    @Override
    public String toString() {
        return Integer.toString(buddhistEra);
    }
}
