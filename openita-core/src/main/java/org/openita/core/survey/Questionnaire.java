package org.openita.core.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.Question;
import org.openita.core.framework.SubItem;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolCode;

/**
 * The questions one tool part asks, as a respondent sees them: grouped by indicator, numbered from 1 in order, each
 * with its answer scale and its form fields (one per sub-item, or one for a question without sub-items). Scored and
 * unscored questions alike. Immutable; build one per definition, tool and part and reuse it.
 */
public final class Questionnaire {

    /** The prefix of every answer field's name; the stored answer key is the name without it. */
    public static final String FIELD_PREFIX = "q.";

    /** The questions of one indicator. */
    public record Group(Indicator indicator, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** One question with its scale, its fields and its number as respondents see it (1, 2, ...). */
    public record Item(Question question, AnswerScale scale, List<Field> fields, int number) {
        public Item {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One answer field: {@code q.i4} or {@code q.i4.a}; {@code number} is how a respondent sees it ("4", or "4.1" for
     * the first sub-item of question 4).
     */
    public record Field(String name, SubItem subItemOrNull, String number) {

        /** The key an answer is stored and tallied under: {@code i4} or {@code i4.a}. */
        public String answerKey() {
            return name.substring(FIELD_PREFIX.length());
        }

        public Optional<SubItem> subItem() {
            return Optional.ofNullable(subItemOrNull);
        }
    }

    private final FrameworkDefinition definition;
    private final ToolCode tool;
    private final String part;
    private final List<Group> groups;
    private final List<Field> fields;
    private final Map<String, Item> itemOfField = new LinkedHashMap<>();

    private Questionnaire(FrameworkDefinition definition, ToolCode tool, String part, List<Group> groups) {
        this.definition = definition;
        this.tool = tool;
        this.part = part;
        this.groups = List.copyOf(groups);
        List<Field> all = new ArrayList<>();
        for (Group g : this.groups) {
            for (Item i : g.items()) {
                for (Field f : i.fields()) {
                    all.add(f);
                    itemOfField.put(f.name(), i);
                }
            }
        }
        this.fields = List.copyOf(all);
    }

    /**
     * The questionnaire of a tool part: {@code "IIT"} for the IIT, {@code "EIT_PUBLIC"} or {@code "EIT_SURVEY"} for
     * the EIT. For a year whose tool has no parts every question of the tool is asked in any part named after it.
     *
     * @throws IllegalArgumentException when the year has no such tool, the tool is not a survey, or the part is not one
     *                                  of the tool's
     */
    public static Questionnaire of(FrameworkDefinition def, ToolCode tool, String part) {
        Objects.requireNonNull(part, "part");
        if (tool == ToolCode.OIT) {
            throw new IllegalArgumentException("OIT is a checklist, not a survey");
        }
        Tool t = def.tool(tool).orElseThrow(() -> new IllegalArgumentException(
                "fiscal year " + def.year() + " has no tool " + tool));
        boolean known = t.hasParts() ? t.parts().stream().anyMatch(p -> p.code().equals(part))
                : part.equals(tool.name()) || part.startsWith(tool.name() + "_");
        if (!known) {
            throw new IllegalArgumentException("tool " + tool + " of fiscal year " + def.year() + " has no part " + part);
        }
        List<Group> groups = new ArrayList<>();
        int number = 0;
        for (Indicator ind : def.indicatorsOf(tool)) {
            List<Item> items = new ArrayList<>();
            for (Question q : def.questionsOf(ind.number())) {
                if (q.tool() == tool && q.askedIn(part)) {
                    number++;
                    items.add(item(def, q, number));
                }
            }
            if (!items.isEmpty()) {
                groups.add(new Group(ind, items));
            }
        }
        return new Questionnaire(def, tool, part, groups);
    }

    private static Item item(FrameworkDefinition def, Question q, int number) {
        AnswerScale scale = def.scale(q.scale()).orElseThrow();
        List<Field> fields = new ArrayList<>();
        if (q.subItems().isEmpty()) {
            fields.add(new Field(FIELD_PREFIX + q.code(), null, Integer.toString(number)));
        } else {
            for (int i = 0; i < q.subItems().size(); i++) {
                SubItem s = q.subItems().get(i);
                fields.add(new Field(FIELD_PREFIX + q.code() + "." + s.code(), s, number + "." + (i + 1)));
            }
        }
        return new Item(q, scale, fields, number);
    }

    public FrameworkDefinition definition() {
        return definition;
    }

    public ToolCode tool() {
        return tool;
    }

    public String part() {
        return part;
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Item> items() {
        return groups.stream().flatMap(g -> g.items().stream()).toList();
    }

    /** Every answer field, in the order a respondent meets them. */
    public List<Field> fields() {
        return fields;
    }

    /** The number of answer fields. */
    public int size() {
        return fields.size();
    }

    /** The number of questions (a question with sub-items counts once). */
    public int questionCount() {
        return (int) groups.stream().mapToLong(g -> g.items().size()).sum();
    }

    /** The question a field belongs to, by the field's name ({@code q.i4.a}). */
    public Optional<Item> itemOf(String fieldName) {
        return Optional.ofNullable(itemOfField.get(fieldName));
    }
}
