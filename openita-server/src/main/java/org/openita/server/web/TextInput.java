package org.openita.server.web;

import java.util.Locale;

/**
 * The characters OpenITA refuses in anything a person sends: control characters (C0 apart from tab, line
 * feed and carriage return, DEL, C1), the noncharacters U+FFFE and U+FFFF, and unpaired surrogates. None of
 * them belongs in a name, a score or a measure, and PostgreSQL refuses NUL outright.
 */
public final class TextInput {

    private TextInput() {
    }

    /** Whether a person may send this code point. */
    static boolean refused(int cp) {
        return cp < 0x20 ? cp != '\t' && cp != '\n' && cp != '\r'
                : cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /** The index of the first refused character in {@code s}, or -1 when there is none. */
    public static int firstRefused(CharSequence s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (refused(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * {@code s} without the spaces, tabs and line breaks around it; unlike {@link String#trim()}, never removes a
     * refused character, so that it is reported rather than silently dropped.
     */
    public static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The character at {@code index} as people read it in a message: U+0000. */
    public static String codePoint(CharSequence s, int index) {
        return String.format(Locale.ROOT, "U+%04X", Character.codePointAt(s, index));
    }

    /**
     * A value quoted in a message: at most {@code max} characters followed by … when cut, and refused characters
     * (and line breaks and tabs) shown as U+XXXX, so a message can neither grow with the input nor carry it raw.
     */
    public static String quote(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int i = 0;
        while (i < s.length() && shown < max) {
            int cp = s.codePointAt(i);
            if (refused(cp) || cp < 0x20) {
                out.append(String.format(Locale.ROOT, "U+%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            shown++;
        }
        if (i < s.length()) {
            out.append('…');
        }
        return out.toString();
    }
}
