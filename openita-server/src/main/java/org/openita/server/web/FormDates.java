package org.openita.server.web;

import java.time.LocalDate;
import java.util.Locale;
import org.openita.core.thai.DateEntry;
import org.openita.core.thai.DateEntry.Era;
import org.openita.core.thai.DateEntry.Reading;
import org.openita.core.thai.DigitStyle;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates in forms, used from templates as {@code ${@formDates.show(d, #locale)}}: typed and shown as
 * day/month/year, with the Buddhist-era year on Thai pages and the Common-era year on English ones. A date
 * that cannot be read comes back with the reason in Thai and in English, both about the form's own era.
 */
@Component("formDates")
public class FormDates {

    static final Locale THAI = Locale.forLanguageTag("th");

    private final MessageSource messages;

    FormDates(MessageSource messages) {
        this.messages = messages;
    }

    /** The year count a page in {@code locale} uses. */
    public static Era era(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Era.COMMON : Era.BUDDHIST;
    }

    /** A stored date as the form shows it: 31/12/2569 on a Thai page, 31/12/2026 on an English one; empty for none. */
    public String show(LocalDate date, Locale locale) {
        return date == null ? "" : DateEntry.format(date, era(locale), DigitStyle.ARABIC);
    }

    /** The format hint printed under a date field. */
    public String hint(Locale locale) {
        return messages.getMessage(key(era(locale), "hint"), null, locale);
    }

    /** A reader for the forms of a page in {@code locale}. */
    public Reader reader(Locale locale) {
        return new Reader(era(locale));
    }

    /** The outcome of reading a typed date: a date, or why not in Thai and English. */
    public record Outcome(LocalDate date, String th, String en) {
        public boolean ok() {
            return date != null;
        }
    }

    /** Reads the dates of one page's forms. */
    public final class Reader {
        private final Era era;

        private Reader(Era era) {
            this.era = era;
        }

        public Outcome read(String typed) {
            Reading r = DateEntry.read(typed, era);
            if (r instanceof Reading.Read read) {
                return new Outcome(read.date(), null, null);
            }
            String shown = TextInput.quote(typed, 40);
            String name = "unreadable";
            Object[] args = {shown};
            if (r instanceof Reading.ShortYear) {
                name = "shortYear";
            } else if (r instanceof Reading.OtherEra o) {
                name = "otherEra";
                args = new Object[] {shown, Integer.toString(o.typed()), Integer.toString(o.likely())};
            } else if (r instanceof Reading.YearOutOfRange y) {
                name = "yearOutOfRange";
                args = new Object[] {shown, Integer.toString(y.typed())};
            } else if (r instanceof Reading.NoSuchDay) {
                name = "noSuchDay";
            }
            return new Outcome(null, messages.getMessage(key(era, name), args, THAI), messages.getMessage(key(era, name), args, Locale.ENGLISH));
        }
    }

    private static String key(Era era, String name) {
        return "date." + (era == Era.BUDDHIST ? "be." : "ce.") + name;
    }
}
