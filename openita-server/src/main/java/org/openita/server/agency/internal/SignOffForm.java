package org.openita.server.agency.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.analysis.Signatory;
import org.openita.server.web.TextInput;

/**
 * The sign-off block as typed on the agency page: three rows (prepared, reviewed, approved), each a position and
 * an optional name. A row with neither is left out of the report; a row with a name needs a position.
 */
public final class SignOffForm {

    /** The longest position or name taken, in characters. */
    public static final int MAX_LENGTH = 150;

    /** One row as typed. */
    public record Row(Signatory.Role role, String position, String name) {
    }

    private final List<Row> rows;

    public SignOffForm(String preparedPosition, String preparedName, String reviewedPosition, String reviewedName,
                       String approvedPosition, String approvedName) {
        this.rows = List.of(new Row(Signatory.Role.PREPARED, clean(preparedPosition), clean(preparedName)),
                new Row(Signatory.Role.REVIEWED, clean(reviewedPosition), clean(reviewedName)),
                new Row(Signatory.Role.APPROVED, clean(approvedPosition), clean(approvedName)));
    }

    /** The form filled from what is stored. */
    public static SignOffForm of(List<Signatory> stored) {
        Map<Signatory.Role, Signatory> by = new LinkedHashMap<>();
        stored.forEach(s -> by.put(s.role(), s));
        return new SignOffForm(position(by, Signatory.Role.PREPARED), name(by, Signatory.Role.PREPARED),
                position(by, Signatory.Role.REVIEWED), name(by, Signatory.Role.REVIEWED),
                position(by, Signatory.Role.APPROVED), name(by, Signatory.Role.APPROVED));
    }

    private static String position(Map<Signatory.Role, Signatory> by, Signatory.Role role) {
        return by.containsKey(role) ? by.get(role).position() : "";
    }

    private static String name(Map<Signatory.Role, Signatory> by, Signatory.Role role) {
        return by.containsKey(role) && by.get(role).name() != null ? by.get(role).name() : "";
    }

    private static String clean(String s) {
        return s == null ? "" : TextInput.trim(s);
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * What is wrong, by field name (e.g. "reviewedPosition") to a message key; empty when the form can be stored.
     */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String prefix = r.role().name().toLowerCase(java.util.Locale.ROOT);
            check(out, prefix + "Position", r.position());
            check(out, prefix + "Name", r.name());
            if (r.position().isEmpty() && !r.name().isEmpty()) {
                out.putIfAbsent(prefix + "Position", "agency.signOff.positionRequired");
            }
        }
        return out;
    }

    private static void check(Map<String, String> out, String field, String value) {
        if (TextInput.firstRefused(value) >= 0) {
            out.put(field, "agency.signOff.refused");
        } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0) {
            out.put(field, "agency.signOff.oneLine");
        } else if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            out.put(field, "agency.signOff.tooLong");
        }
    }

    /** The rows in use, as the report prints them; only once {@link #problems()} is empty. */
    public List<Signatory> signatories() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("the sign-off form has problems");
        }
        List<Signatory> out = new ArrayList<>();
        for (Row r : rows) {
            if (!r.position().isEmpty()) {
                out.add(new Signatory(r.role(), r.name().isEmpty() ? null : r.name(), r.position()));
            }
        }
        return out;
    }
}
