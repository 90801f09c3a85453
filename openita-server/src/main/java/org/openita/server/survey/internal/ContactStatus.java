package org.openita.server.survey.internal;

import java.util.Optional;

/** What became of a contact, as the assessor marks it (field_contact.status). */
public enum ContactStatus {
    TO_CONTACT, REACHED, DECLINED, UNREACHABLE;

    public String messageKey() {
        return "field.status." + name();
    }

    static Optional<ContactStatus> parse(String s) {
        for (ContactStatus c : values()) {
            if (c.name().equals(s)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
