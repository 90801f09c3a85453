package org.openita.server.agency;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code that identifies an agency in the registry (the NACC's code, or one the central office gives):
 * Latin letters, digits and {@code . _ -}, at most 30 characters, compared exactly. Holding one means the text
 * was checked; it says nothing about whether the registry has that agency. Text that is not a code is refused with
 * {@link Invalid}: in a request, the pages and the API answer it as "not found" (ADR 0018), never as a server failure.
 */
public record AgencyCode(String value) implements Comparable<AgencyCode> {

    public static final int MAX_LENGTH = 30;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public AgencyCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new Invalid();
        }
    }

    /** Text that is not an agency code: in a request, no agency has it, so it is answered as "not found". */
    public static final class Invalid extends IllegalArgumentException {
        Invalid() {
            super("an agency code uses only Latin letters, digits and . _ - (1 to " + MAX_LENGTH + " characters)");
        }
    }

    /**
     * The code, or {@link Invalid} when the text is not shaped like one. Spring turns a path variable of this type into
     * a code through this method.
     */
    public static AgencyCode of(String value) {
        return new AgencyCode(value);
    }

    /** The code, or empty when the text is not shaped like one (a path segment, a form field, a cell). */
    public static Optional<AgencyCode> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new AgencyCode(text)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public int compareTo(AgencyCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
