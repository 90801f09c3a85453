package org.openita.server.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;

/**
 * The columns of the official-results template (Thai headers), and where each goes in the score input.
 * Besides the fixed columns, a column headed by a question code (i1, e5...) or an OIT item code (o12)
 * of that year's framework carries that question's or item's score.
 */
final class OfficialResultColumns {

    static final String CODE = "รหัสหน่วยงาน";
    static final String NAME = "ชื่อหน่วยงาน";
    static final String YEAR = "ปีงบประมาณ";
    static final String OVERALL = "คะแนนรวม";
    static final String LEVEL = "ระดับผลการประเมิน";
    static final List<String[]> TOOLS = List.of(new String[] {"IIT", "IIT"}, new String[] {"EIT", "EIT"},
            new String[] {"EIT ส่วนที่ 1", "EIT_PUBLIC"}, new String[] {"EIT ส่วนที่ 2", "EIT_SURVEY"}, new String[] {"OIT", "OIT"});
    /** How a per-question or per-OIT-item column is headed: a letter and a number, e.g. i1, e15, o33. */
    static final Pattern ITEM = Pattern.compile("[a-zA-Z]{1,2}[0-9]{1,3}[a-z]?");

    private OfficialResultColumns() {
    }

    static String indicator(int n) {
        return "ตัวชี้วัดที่ " + n;
    }

    /** The fixed columns, in template order. */
    private static final List<String> FIXED = fixed();

    private static List<String> fixed() {
        List<String> h = new ArrayList<>(List.of(CODE, NAME, YEAR, OVERALL, LEVEL));
        TOOLS.forEach(t -> h.add(t[0]));
        for (int i = 1; i <= 10; i++) {
            h.add(indicator(i));
        }
        return List.copyOf(h);
    }

    /** The fixed columns, in template order. */
    static List<String> headers() {
        return FIXED;
    }

    /** The fixed columns followed by one per scored question and one per OIT item of the year. */
    static List<String> headers(FrameworkDefinition framework) {
        List<String> h = new ArrayList<>(headers());
        framework.questions().stream().filter(Question::scored).map(Question::code).forEach(h::add);
        framework.oitItems().stream().map(OitItem::code).forEach(h::add);
        return h;
    }

    static boolean isKnown(String header) {
        return FIXED.contains(header) || ITEM.matcher(header).matches();
    }

    /** Whether a column carries one question's or OIT item's score (i1, e5, o12) rather than a fixed figure. */
    static boolean isItem(String header) {
        return !FIXED.contains(header) && ITEM.matcher(header).matches();
    }
}
