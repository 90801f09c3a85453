package org.openita.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them on the pages, used from templates as {@code ${@dates.day(d, #locale)}}:
 * Thai with the Buddhist-era year (30 ส.ค. 2569), English with the Common-era year (30 Aug 2026);
 * moments in Bangkok time.
 */
@Component("dates")
public class Dates {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter THAI = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("th-TH"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public String day(LocalDate date, Locale locale) {
        if (date == null) {
            return "–";
        }
        if ("en".equals(locale.getLanguage())) {
            return ENGLISH.format(date);
        }
        return THAI.format(ThaiBuddhistDate.from(date));
    }

    public String moment(Instant instant, Locale locale) {
        if (instant == null) {
            return "–";
        }
        var t = instant.atZone(BANGKOK);
        return day(t.toLocalDate(), locale) + " " + String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
