package org.openita.server.oit.internal.fetch;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text rules of the pre-check: Thai digits, the forms a PDF extracts, years in either era. */
final class ThaiText {

    /**
     * A four-digit number standing alone (not part of a longer number, an amount such as 2,568 or a decimal): 25xx and
     * 26xx read as Buddhist era, 20xx and 21xx as Christian era. Only years near the one expected are kept (the
     * pre-check's window), so an amount like 2650 in a 2569 document is not taken for a year.
     */
    private static final Pattern YEAR = Pattern.compile("(?<![0-9][,.]?)(2[56][0-9]{2}|2[01][0-9]{2})(?![0-9]|[,.][0-9])");

    private ThaiText() {
    }

    /** Thai digits as Arabic, NFC, SARA AM put back together, zero-width characters out. */
    static String plain(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0E50' && c <= '\u0E59') {
                s.append((char) ('0' + (c - '\u0E50')));
            } else if (c != '\u200B' && c != '\u200C' && c != '\u200D' && c != '\uFEFF') {
                s.append(c);
            }
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC).replace("\u0E4D\u0E32", "\u0E33");
    }

    /** For matching key terms: {@link #plain}, lower case, and no white space at all (PDF text puts it anywhere). */
    static String forMatching(String text) {
        return plain(text).toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0]+", "");
    }

    /**
     * Buddhist-era years the text mentions, most mentioned first (the later year first on a tie): 25xx read as
     * Buddhist era (พ.ศ., ปีงบประมาณ or bare), 20xx as Christian era (ค.ศ. or bare) plus 543.
     */
    static List<Integer> years(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher m = YEAR.matcher(plain(text));
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            int be = n >= 2500 ? n : n + 543;
            counts.merge(be, 1, Integer::sum);
        }
        List<Integer> years = new ArrayList<>(counts.keySet());
        years.sort(Comparator.comparing((Integer y) -> counts.get(y)).reversed().thenComparing(Comparator.reverseOrder()));
        return years;
    }
}
