package org.openita.server.survey.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * How a contact has dealt with the agency. Only this and the contact's outcome are stored readable; the labels people
 * see are the messages {@code field.kind.<NAME>} (Thai and English), and a file may name a kind by either label or by
 * this code.
 */
public enum ContactKind {
    SERVICE, CONTACTED, SUPPLIER, PARTNER, OTHER;

    public String messageKey() {
        return "field.kind." + name();
    }

    /** The kind a cell names: its code, or its Thai or English label ({@code label} gives the label in a language). */
    static Optional<ContactKind> of(String written, java.util.function.BiFunction<ContactKind, Locale, String> label) {
        String t = written == null ? "" : written.strip().replaceAll("\\s+", " ");
        for (ContactKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || label.apply(k, Locale.forLanguageTag("th")).equals(t)
                    || label.apply(k, Locale.ENGLISH).equalsIgnoreCase(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
