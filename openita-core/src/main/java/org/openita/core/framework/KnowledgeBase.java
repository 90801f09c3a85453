package org.openita.core.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recommendations knowledge base of one or more fiscal years. */
public record KnowledgeBase(List<Integer> years, Map<Integer, IndicatorAdvice> indicators,
                            Map<String, Recommendation> items, Recommendation oitDefault) {

    public KnowledgeBase {
        years = List.copyOf(years);
        indicators = Map.copyOf(indicators);
        items = Map.copyOf(items);
    }

    public Optional<IndicatorAdvice> indicator(int number) {
        return Optional.ofNullable(indicators.get(number));
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
