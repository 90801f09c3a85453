package org.openita.server.results.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolPart;

/**
 * The columns of the official-results template (Thai headers), and where each goes in the score input.
 * Which tool, part, indicator, question and OIT item columns a year has comes from that year's framework:
 * a tool or part column is headed by its code (the EIT parts keep their familiar Thai headers), an indicator
 * column by "ตัวชี้วัดที่ N", and a question or OIT item column by its code (i1, e5, o12, x3...).
 */
public final class OfficialResultColumns {

    public static final String CODE = "รหัสหน่วยงาน";
    public static final String NAME = "ชื่อหน่วยงาน";
    public static final String YEAR = "ปีงบประมาณ";
    public static final String OVERALL = "คะแนนรวม";
    public static final String LEVEL = "ระดับผลการประเมิน";
    /** Headers that differ from the tool or part code they carry (files made from earlier templates use them). */
    private static final Map<String, String> LABELS = Map.of("EIT_PUBLIC", "EIT ส่วนที่ 1", "EIT_SURVEY", "EIT ส่วนที่ 2");
    /** How a per-question or per-OIT-item column is headed: letters and a number, e.g. i1, e15, o33. */
    static final Pattern ITEM = Pattern.compile("[a-zA-Z]{1,2}[0-9]{1,3}[a-z]?");
    /** A tool or part code as the framework writes it: IIT, EIT_PUBLIC. */
    private static final Pattern TOOL = Pattern.compile("[A-Z][A-Z0-9_]{1,30}");
    private static final Pattern INDICATOR = Pattern.compile("ตัวชี้วัดที่ ([0-9]{1,3})");
    private static final List<String> BASE = List.of(CODE, NAME, YEAR, OVERALL, LEVEL);

    private OfficialResultColumns() {
    }

    public static String indicator(int n) {
        return "ตัวชี้วัดที่ " + n;
    }

    /** The indicator number a column carries, if it is an indicator column. */
    public static Optional<Integer> indicatorOf(String header) {
        Matcher m = INDICATOR.matcher(header);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The header of a tool or part score column. */
    public static String tool(String code) {
        return LABELS.getOrDefault(code, code);
    }

    /** The tool or part code a column carries, if it is a tool or part column. */
    public static Optional<String> toolOf(String header) {
        for (Map.Entry<String, String> e : LABELS.entrySet()) {
            if (e.getValue().equals(header)) {
                return Optional.of(e.getKey());
            }
        }
        return TOOL.matcher(header).matches() ? Optional.of(header) : Optional.empty();
    }

    /** The columns every file has, whatever its year. */
    public static List<String> base() {
        return BASE;
    }

    /** The figures a year's framework knows, as score-input keys: tools and their parts in the definition's order. */
    public static List<String> toolKeys(FrameworkDefinition framework) {
        List<String> keys = new ArrayList<>();
        for (Tool t : framework.tools()) {
            keys.add(t.code().name());
            t.parts().stream().map(ToolPart::code).forEach(keys::add);
        }
        return keys;
    }

    /** The fixed columns of a year: the base ones, its tools and parts, its indicators. */
    public static List<String> headers(FrameworkDefinition framework) {
        List<String> h = new ArrayList<>(BASE);
        toolKeys(framework).forEach(k -> h.add(tool(k)));
        framework.indicators().stream().map(Indicator::number).sorted().forEach(n -> h.add(indicator(n)));
        return h;
    }

    /** The template of a year: its fixed columns followed by one per scored question and one per OIT item. */
    public static List<String> template(FrameworkDefinition framework) {
        List<String> h = new ArrayList<>(headers(framework));
        framework.questions().stream().filter(Question::scored).map(Question::code).forEach(h::add);
        framework.oitItems().stream().map(OitItem::code).forEach(h::add);
        return h;
    }

    /**
     * Whether a header is a column of some year's template: a base column, a question or item code (the row's year
     * then checks it), or one of {@code yearColumns}, the tool, part and indicator columns of the active frameworks.
     */
    public static boolean isKnown(String header, java.util.Set<String> yearColumns) {
        return BASE.contains(header) || isItem(header) || yearColumns.contains(header);
    }

    /** Whether a column carries one question's or OIT item's score (i1, e5, o12) rather than a fixed figure. */
    public static boolean isItem(String header) {
        return !BASE.contains(header) && ITEM.matcher(header).matches();
    }
}
