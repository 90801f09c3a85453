package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.Direction;
import org.openita.core.survey.Questionnaire;

/**
 * The columns of a response export, in the language asked for: what each holds, its header (the question's number, its
 * short wording and its answer key, {@code ข้อ 4.1 … [i4.a]}), and for an answer the scale its option codes come from.
 * The legend sheets of the XLSX are written from these; the CSV carries the same headers.
 */
final class ExportColumns {

    enum Kind { AGENCY, DAY, ANSWER, SECONDS, IDENTICAL, BURST }

    /**
     * One column. For an answer: {@code key} is the stored answer key, {@code number} the question's number as people see
     * it, {@code wording} the question's short wording (and the sub-item's), {@code scale} its answer scale (null for a key
     * the year's definition does not know).
     */
    record Column(Kind kind, String header, String key, String number, String wording, AnswerScale scale, boolean reversed) {
    }

    private final List<Column> columns;
    private final Locale locale;

    private ExportColumns(List<Column> columns, Locale locale) {
        this.columns = List.copyOf(columns);
        this.locale = locale;
    }

    /**
     * @param questionnaire the year's questionnaire of the part, if the year has one
     * @param others answer keys stored but not in the questionnaire, in order
     * @param text the message of a key with arguments, in the export's language
     */
    static ExportColumns of(SurveyPart part, Optional<Questionnaire> questionnaire, List<String> others, Locale locale,
                            BiFunction<String, Object[], String> text) {
        List<Column> out = new ArrayList<>();
        out.add(new Column(Kind.AGENCY, text.apply("surveys.export.col.agency", new Object[0]), null, null, null, null, false));
        if (part == SurveyPart.EIT_PUBLIC) { // EIT part 1 carries its day; the IIT and part 2 nothing (no day, assessor or mode)
            out.add(new Column(Kind.DAY, text.apply("surveys.export.col.day", new Object[0]), null, null, null, null, false));
        }
        questionnaire.ifPresent(q -> {
            for (Questionnaire.Item item : q.items()) {
                for (Questionnaire.Field f : item.fields()) {
                    String wording = f.subItem().map(s -> s.summary().in(locale)).orElse(item.question().summary().in(locale));
                    out.add(new Column(Kind.ANSWER, text.apply("surveys.export.col.question", new Object[] {f.number(), wording, f.answerKey()}),
                            f.answerKey(), f.number(), f.subItem().isPresent()
                            ? item.question().summary().in(locale) + ": " + wording : wording, item.scale(),
                            item.question().direction() == Direction.NEGATIVE));
                }
            }
        });
        for (String key : others) {
            out.add(new Column(Kind.ANSWER, "[" + key + "]", key, null, null, null, false));
        }
        if (part == SurveyPart.EIT_PUBLIC) {
            out.add(new Column(Kind.SECONDS, text.apply("surveys.export.col.seconds", new Object[0]), null, null, null, null, false));
            out.add(new Column(Kind.IDENTICAL, text.apply("surveys.export.col.identical", new Object[0]), null, null, null, null, false));
            out.add(new Column(Kind.BURST, text.apply("surveys.export.col.burst", new Object[0]), null, null, null, null, false));
        }
        return new ExportColumns(out, locale);
    }

    List<Column> all() {
        return columns;
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    Locale locale() {
        return locale;
    }

    /** The scales the answer columns use, each once, in the order first met, with the numbers of the questions using it. */
    Map<AnswerScale, List<String>> scales() {
        Map<AnswerScale, List<String>> out = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.scale() != null) {
                out.computeIfAbsent(c.scale(), s -> new ArrayList<>()).add(c.number());
            }
        }
        return out;
    }

    /** An option code written as a number when it is one ("1" to "6"), as given otherwise ("yes", "never"). */
    static boolean numeric(String code) {
        return !code.isEmpty() && code.length() <= 9 && code.chars().allMatch(Character::isDigit);
    }
}
