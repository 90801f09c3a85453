package org.openita.core.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openita.core.framework.AnswerOption;

/**
 * Checks a submitted answer sheet against a questionnaire: every field answered with an option of its question's
 * scale, nothing submitted for a question the questionnaire does not ask. Parameters not named {@code q.*} (a form
 * token, a slip code) are not looked at. Pure: the same questionnaire and submission give the same outcome.
 */
public final class AnswerCheck {

    /** The longest option code accepted; a longer value is refused without being quoted. */
    public static final int MAX_VALUE_LENGTH = 16;
    /** How many unknown fields are named one by one before the rest are counted in one problem. */
    static final int UNKNOWN_FIELDS_NAMED = 5;
    private static final int QUOTED = 40;

    private AnswerCheck() {
    }

    public static Checked check(Questionnaire q, Map<String, String> submitted) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Questionnaire.Field f : q.fields()) {
            Questionnaire.Item item = q.itemOf(f.name()).orElseThrow();
            String value = submitted.get(f.name());
            value = value == null ? "" : value.strip();
            String at = "ข้อ " + f.number();
            String atEn = "Question " + f.number();
            if (value.isEmpty()) {
                problems.add(new FieldProblem(f.name(), at + ": กรุณาเลือกคำตอบ", atEn + ": please choose an answer"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldProblem(f.name(), at + ": คำตอบยาวเกินไป กรุณาเลือกจากตัวเลือกที่มีให้",
                        atEn + ": the answer is too long; please choose one of the options given"));
            } else if (item.scale().indexOf(value).isEmpty()) {
                String allowed = String.join(", ", item.scale().options().stream().map(AnswerOption::code).toList());
                problems.add(new FieldProblem(f.name(), at + ": ไม่มีคำตอบ \"" + value + "\" ในตัวเลือก (เลือกได้: " + allowed + ")",
                        atEn + ": \"" + value + "\" is not one of the options (allowed: " + allowed + ")"));
            } else {
                answers.put(f.answerKey(), value);
            }
        }
        unknownFields(q, submitted, problems);
        return problems.isEmpty() ? new Answers(q, answers) : new Checked.Rejected(problems);
    }

    private static void unknownFields(Questionnaire q, Map<String, String> submitted, List<FieldProblem> problems) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : submitted.keySet()) {
            if (name != null && name.startsWith(Questionnaire.FIELD_PREFIX) && q.itemOf(name).isEmpty()) {
                unknown.add(name);
            }
        }
        int named = 0;
        for (String name : unknown) {
            if (named == UNKNOWN_FIELDS_NAMED) {
                int rest = unknown.size() - named;
                problems.add(new FieldProblem(name, "และยังมีอีก " + rest + " ช่องที่ไม่มีในแบบสำรวจนี้",
                        "and " + rest + " more fields that are not in this questionnaire"));
                return;
            }
            String shown = name.length() > QUOTED ? name.substring(0, QUOTED) + "…" : name;
            problems.add(new FieldProblem(name, "ไม่มีข้อ \"" + shown + "\" ในแบบสำรวจนี้",
                    "there is no question \"" + shown + "\" in this questionnaire"));
            named++;
        }
    }

    /**
     * Whether every answer is at the same place of its scale: all the first option, all the last, or all the same
     * option in between (on scales of one size). Scales differ in length (six points, yes/no), so the ends are
     * compared as ends: a sheet of the top option throughout is identical. The "identical answers throughout"
     * quality signal. False for an empty sheet.
     */
    public static boolean identical(Answers a) {
        String first = null;
        for (Questionnaire.Field f : a.questionnaire().fields()) {
            String code = a.values().get(f.answerKey());
            if (code == null) {
                return false;
            }
            var scale = a.questionnaire().itemOf(f.name()).orElseThrow().scale();
            int index = scale.indexOf(code).orElse(-1);
            String place = index == 0 ? "first" : index == scale.options().size() - 1 ? "last" : "option " + index;
            if (first == null) {
                first = place;
            } else if (!first.equals(place)) {
                return false;
            }
        }
        return first != null;
    }
}
