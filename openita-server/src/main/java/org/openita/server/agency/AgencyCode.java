package org.openita.server.agency;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code that identifies an agency in the registry (the NACC's code, or one the central office gives):
 * Latin letters, digits and {@code . _ -}, at most 30 characters, compared exactly. Holding one means the text
 * was checked; it says nothing about whether the registry has that agency.
 */
public record AgencyCode(String value) implements Comparable<AgencyCode> {

    public static final int MAX_LENGTH = 30;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public AgencyCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("an agency code uses only Latin letters, digits and . _ - (1 to "
                    + MAX_LENGTH + " characters)");
        }
    }

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
