package org.openita.server.survey.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openita.server.web.TextInput;

/** The columns of an assignments file: the Thai header the template has, and the other headers also accepted. */
enum AssignmentColumns {
    AGENCY("รหัสหน่วยงาน", "agency_code", List.of("agency", "code", "agency code")),
    ASSESSOR("บัญชีผู้ประเมิน", "assessor", List.of("ผู้ประเมิน", "account", "username", "assessor account"));

    final String thai;
    final String key;
    private final List<String> aliases;

    AssignmentColumns(String thai, String key, List<String> aliases) {
        this.thai = thai;
        this.key = key;
        this.aliases = aliases;
    }

    /** The column a header names (Thai or English, any case, spaces around ignored), or empty. */
    static Optional<AssignmentColumns> ofHeader(String header) {
        String h = TextInput.trim(header.replace("\uFEFF", "")).toLowerCase(Locale.ROOT);
        for (AssignmentColumns c : values()) {
            if (c.thai.equals(h) || c.key.equals(h) || c.aliases.contains(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<String> thaiHeaders() {
        return java.util.Arrays.stream(values()).map(c -> c.thai).toList();
    }
}
