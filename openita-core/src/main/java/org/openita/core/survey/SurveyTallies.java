package org.openita.core.survey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Question;
import org.openita.core.framework.SubItem;
import org.openita.core.framework.Tool;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.Tally;

/**
 * The scoring evidence of stored answers: from counted rows (part, answer key, option, count), such as a GROUP BY over
 * the stored responses gives, the answer tallies by question, tool part and sub-item that {@link AssessmentInput}
 * takes. Rows the definition does not know (a question or sub-item it lacks, an option off the scale, a part the
 * question's tool does not have) are left out and counted in {@link #skipped()}: answers stored under an earlier
 * version of the year's definition must not stop the scoring of the rest.
 */
public final class SurveyTallies {

    /**
     * One counted group of answers.
     *
     * @param part      the tool part the answers came from: {@code IIT}, {@code EIT_PUBLIC} or {@code EIT_SURVEY}
     * @param answerKey the question code, or question code and sub-item code joined by a dot ({@code i4.a})
     * @param option    the option code chosen
     * @param count     how many responses chose it
     */
    public record Row(String part, String answerKey, String option, long count) {
        public Row {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(answerKey, "answerKey");
            Objects.requireNonNull(option, "option");
            if (count < 0) {
                throw new IllegalArgumentException("count must be zero or more: " + count);
            }
        }
    }

    private final Map<String, QuestionEvidence> questions;
    private final long skipped;
    private final long skippedRows;

    private SurveyTallies(Map<String, QuestionEvidence> questions, long skipped, long skippedRows) {
        this.questions = questions;
        this.skipped = skipped;
        this.skippedRows = skippedRows;
    }

    public static SurveyTallies of(FrameworkDefinition def, Iterable<Row> rows) {
        // question -> part key -> sub-item key -> option -> count
        Map<String, Map<String, Map<String, Map<String, Long>>>> acc = new LinkedHashMap<>();
        long skipped = 0;
        long skippedRows = 0;
        for (Row r : rows) {
            if (r.count() == 0) {
                continue;
            }
            String[] target = target(def, r);
            if (target == null) {
                skipped += r.count();
                skippedRows++;
                continue;
            }
            acc.computeIfAbsent(target[0], k -> new TreeMap<>()).computeIfAbsent(target[1], k -> new TreeMap<>())
                    .computeIfAbsent(target[2], k -> new TreeMap<>()).merge(r.option(), r.count(), Long::sum);
        }
        Map<String, QuestionEvidence> out = new LinkedHashMap<>();
        for (Question q : def.questions()) {
            Map<String, Map<String, Map<String, Long>>> byPart = acc.get(q.code());
            if (byPart == null) {
                continue;
            }
            Map<String, Map<String, Tally>> tallies = new TreeMap<>();
            byPart.forEach((part, bySub) -> {
                Map<String, Tally> subs = new TreeMap<>();
                bySub.forEach((sub, counts) -> subs.put(sub, Tally.of(counts)));
                tallies.put(part, subs);
            });
            out.put(q.code(), new QuestionEvidence.Tallies(tallies));
        }
        return new SurveyTallies(Collections.unmodifiableMap(out), skipped, skippedRows);
    }

    /** {question code, part key, sub-item key} for a row the definition knows, else null. */
    private static String[] target(FrameworkDefinition def, Row r) {
        int dot = r.answerKey().indexOf('.');
        String code = dot < 0 ? r.answerKey() : r.answerKey().substring(0, dot);
        String sub = dot < 0 ? QuestionEvidence.WHOLE : r.answerKey().substring(dot + 1);
        Question q = def.question(code).orElse(null);
        if (q == null) {
            return null;
        }
        boolean subKnown = q.subItems().isEmpty() ? dot < 0 : q.subItems().stream().map(SubItem::code).anyMatch(sub::equals);
        boolean optionKnown = def.scale(q.scale()).flatMap(s -> s.indexOf(r.option())).isPresent();
        String part = partKey(def, q, r.part());
        return subKnown && optionKnown && part != null ? new String[] {code, part, sub} : null;
    }

    /** The tally key of a part: the part itself for a tool with parts, {@link QuestionEvidence#WHOLE} for one without. */
    private static String partKey(FrameworkDefinition def, Question q, String part) {
        Tool tool = def.tool(q.tool()).orElse(null);
        if (tool == null) {
            return null;
        }
        if (tool.hasParts()) {
            return tool.parts().stream().anyMatch(p -> p.code().equals(part)) && q.askedIn(part) ? part : null;
        }
        String name = tool.code().name();
        return part.equals(name) || part.startsWith(name + "_") ? QuestionEvidence.WHOLE : null;
    }

    /** The tallies by question code, in the definition's order; questions nobody answered are absent. */
    public Map<String, QuestionEvidence> questions() {
        return questions;
    }

    /** How many answers (the sum of the counts) were in rows the definition does not know. */
    public long skipped() {
        return skipped;
    }

    /** How many rows were left out. */
    public long skippedRows() {
        return skippedRows;
    }
}
