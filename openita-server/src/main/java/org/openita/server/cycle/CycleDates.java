package org.openita.server.cycle;

import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in the Buddhist era for pages: "15 สิงหาคม 2568", or "15 August B.E. 2568" in English. */
public final class CycleDates {

    private static final DateTimeFormatter THAI = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("th-TH"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM 'B.E.' yyyy", Locale.ENGLISH);

    private CycleDates() {
    }

    public static String format(LocalDate date, Locale locale) {
        ThaiBuddhistDate be = ThaiBuddhistDate.from(date);
        return "en".equals(locale.getLanguage()) ? ENGLISH.format(be) : THAI.format(be);
    }
}
