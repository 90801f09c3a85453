package org.openita.core.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.text.Sentences;

/**
 * The recommendations knowledge base of one or more fiscal years: advice per indicator, per question and OIT
 * item, the topics that map measures to the agency's own units, the general measures every agency takes, and the
 * unit named for a measure when none of the agency's units fits it (the file's {@code assignedUnit}, or the core's
 * usual sentence when the file gives none).
 */
public record KnowledgeBase(List<Integer> years, Map<Integer, IndicatorAdvice> indicators,
                            Map<String, Recommendation> items, Recommendation oitDefault,
                            Map<String, Topic> topics, List<GeneralMeasure> generalMeasures, LocalizedText assignedUnit) {

    public KnowledgeBase {
        years = List.copyOf(years);
        indicators = Map.copyOf(indicators);
        items = Map.copyOf(items);
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        generalMeasures = generalMeasures == null ? List.of() : List.copyOf(generalMeasures);
        assignedUnit = assignedUnit == null ? Sentences.get("measure.assignedUnit") : assignedUnit;
    }

    public KnowledgeBase(List<Integer> years, Map<Integer, IndicatorAdvice> indicators, Map<String, Recommendation> items,
                         Recommendation oitDefault, Map<String, Topic> topics, List<GeneralMeasure> generalMeasures) {
        this(years, indicators, items, oitDefault, topics, generalMeasures, null);
    }

    public KnowledgeBase(List<Integer> years, Map<Integer, IndicatorAdvice> indicators,
                         Map<String, Recommendation> items, Recommendation oitDefault) {
        this(years, indicators, items, oitDefault, Map.of(), List.of());
    }

    /**
     * This knowledge base as one fiscal year sees it. An entry or related item whose code names years
     * ("o20@2568", "o19@2563,2564,2565") applies only in those years and replaces a plain entry with the same code.
     */
    public KnowledgeBase forYear(int year) {
        Map<String, Recommendation> plain = new java.util.HashMap<>();
        Map<String, Recommendation> bound = new java.util.HashMap<>();
        items.forEach((key, r) -> {
            if (appliesTo(key, year)) {
                List<String> related = r.relatedOit().stream().filter(o -> appliesTo(o, year)).map(KnowledgeBase::bare).toList();
                (key.contains("@") ? bound : plain).put(bare(key), new Recommendation(bare(key), r.issue(), r.action(), related));
            }
        });
        plain.putAll(bound);
        return new KnowledgeBase(years, indicators, plain, oitDefault, topics, generalMeasures, assignedUnit);
    }

    private static String bare(String code) {
        int at = code.indexOf('@');
        return at < 0 ? code : code.substring(0, at);
    }

    private static boolean appliesTo(String code, int year) {
        int at = code.indexOf('@');
        return at < 0 || java.util.Arrays.stream(code.substring(at + 1).split(",")).map(String::strip)
                .anyMatch(y -> y.equals(Integer.toString(year)));
    }

    public Optional<IndicatorAdvice> indicator(int number) {
        return Optional.ofNullable(indicators.get(number));
    }

    public Optional<Topic> topic(String code) {
        return Optional.ofNullable(code == null ? null : topics.get(code));
    }

    /** The knowledge base's own recommendation for a question or OIT item, by its code. */
    public Optional<Recommendation> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    /** The recommendation for an OIT item (whatever its code looks like): its own, else the OIT default. */
    public Optional<Recommendation> oitItem(String code) {
        Recommendation r = items.get(code);
        if (r == null && oitDefault != null) {
            return Optional.of(new Recommendation(code, oitDefault.issue(), oitDefault.action(), List.of(code)));
        }
        return Optional.ofNullable(r);
    }
}
