package org.openita.core.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendations knowledge base of one or more fiscal years: advice per indicator, per question and OIT
 * item, the topics that map measures to the agency's own units, and the general measures every agency takes.
 */
public record KnowledgeBase(List<Integer> years, Map<Integer, IndicatorAdvice> indicators,
                            Map<String, Recommendation> items, Recommendation oitDefault,
                            Map<String, Topic> topics, List<GeneralMeasure> generalMeasures) {

    public KnowledgeBase {
        years = List.copyOf(years);
        indicators = Map.copyOf(indicators);
        items = Map.copyOf(items);
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        generalMeasures = generalMeasures == null ? List.of() : List.copyOf(generalMeasures);
    }

    public KnowledgeBase(List<Integer> years, Map<Integer, IndicatorAdvice> indicators,
                         Map<String, Recommendation> items, Recommendation oitDefault) {
        this(years, indicators, items, oitDefault, Map.of(), List.of());
    }

    public Optional<IndicatorAdvice> indicator(int number) {
        return Optional.ofNullable(indicators.get(number));
    }

    public Optional<Topic> topic(String code) {
        return Optional.ofNullable(code == null ? null : topics.get(code));
    }

    /** The recommendation for a question or OIT item; OIT items without their own fall back to the default. */
    public Optional<Recommendation> item(String code) {
        Recommendation r = items.get(code);
        if (r == null && code.startsWith("o") && oitDefault != null) {
            return Optional.of(new Recommendation(code, oitDefault.issue(), oitDefault.action(), List.of(code)));
        }
        return Optional.ofNullable(r);
    }
}
