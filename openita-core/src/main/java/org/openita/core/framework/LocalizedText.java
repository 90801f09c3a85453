package org.openita.core.framework;

import java.util.Locale;
import java.util.Objects;

/** A text in Thai and English. Thai is always present; English falls back to Thai. */
public record LocalizedText(String th, String en) {

    public LocalizedText {
        Objects.requireNonNull(th, "th");
        if (en == null || en.isBlank()) {
            en = th;
        }
    }

    public static LocalizedText of(String th, String en) {
        return new LocalizedText(th, en);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : th;
    }
}
