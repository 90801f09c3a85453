package org.openita.core.thai;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openita.core.scoring.Rounding;

/** Formats numbers and dates the way Thai government documents print them. */
public final class ThaiFormat {

    private static final Locale THAI = Locale.forLanguageTag("th-TH");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", THAI);
    private static final char THAI_ZERO = '๐';

    private ThaiFormat() {
    }

    /** Replaces Arabic digits with Thai ones (or leaves them) according to {@code style}. */
    public static String digits(String text, DigitStyle style) {
        if (style == DigitStyle.ARABIC) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) (THAI_ZERO + (c - '0')) : c);
        }
        return sb.toString();
    }

    /** Replaces Thai digits with Arabic ones, for reading numbers typed either way. */
    public static String toArabicDigits(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c >= THAI_ZERO && c <= '๙' ? (char) ('0' + (c - THAI_ZERO)) : c);
        }
        return sb.toString();
    }

    /** A score with two decimals, rounded half-up: 99.17 or ๙๙.๑๗. */
    public static String score(double value, DigitStyle style) {
        return digits(Rounding.display(value).toPlainString(), style);
    }

    /** The minus sign of a difference (U+2212), the same in every table and report format. */
    public static final String MINUS = "\u2212";

    /**
     * A difference between two scores, the one rule for every change and difference column: rounded half-up to two
     * decimals first, then signed from the rounded figure, so a difference that rounds to zero is printed
     * {@code 0.00} without a sign, a rise {@code +1.25} and a fall {@code −0.06} (with the minus sign U+2212).
     */
    public static String difference(double value, DigitStyle style) {
        BigDecimal d = Rounding.display(value);
        String s = digits(d.abs().toPlainString(), style);
        return d.signum() > 0 ? "+" + s : d.signum() < 0 ? MINUS + s : s;
    }

    /** A whole or decimal number without trailing zeros: 85 or ๘๕. */
    public static String number(double value, DigitStyle style) {
        return digits(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(), style);
    }

    /** A long Buddhist-era date: 31 มีนาคม 2568 or ๓๑ มีนาคม ๒๕๖๘. */
    public static String date(LocalDate date, DigitStyle style) {
        return digits(LONG_DATE.format(ThaiBuddhistDate.from(date)), style);
    }
}
