package org.openita.server.cycle.internal;

import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates for pages: in the Buddhist era in Thai, "15 สิงหาคม 2568"; in the Common era in English, "15 August 2025". */
public final class CycleDates {

    private static final DateTimeFormatter THAI = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("th-TH"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private CycleDates() {
    }

    public static String format(LocalDate date, Locale locale) {
        return "en".equals(locale.getLanguage()) ? ENGLISH.format(date) : THAI.format(ThaiBuddhistDate.from(date));
    }
}
