package org.openita.core.framework;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole ITA framework of one fiscal year. Immutable; build one with {@link FrameworkLoader}. */
public record FrameworkDefinition(FiscalYear year, String version, LocalizedText title, Provenance provenance,
                                  List<AnswerScale> scales, List<Tool> tools, List<Indicator> indicators,
                                  List<Question> questions, List<OitItem> oitItems, boolean oitItemListComplete,
                                  LevelScheme levelScheme) {

    public FrameworkDefinition {
        scales = List.copyOf(scales);
        tools = List.copyOf(tools);
        indicators = List.copyOf(indicators);
        questions = List.copyOf(questions);
        oitItems = List.copyOf(oitItems);
    }

    public Optional<Tool> tool(ToolCode code) {
        return tools.stream().filter(t -> t.code() == code).findFirst();
    }

    public Optional<Indicator> indicator(int number) {
        return indicators.stream().filter(i -> i.number() == number).findFirst();
    }

    public List<Indicator> indicatorsOf(ToolCode tool) {
        return indicators.stream().filter(i -> i.tool() == tool).toList();
    }

    public Optional<AnswerScale> scale(String code) {
        return scales.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Question> question(String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public List<Question> questionsOf(int indicator) {
        return questions.stream().filter(q -> q.indicator() == indicator).toList();
    }

    public Optional<OitItem> oitItem(String code) {
        return oitItems.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public List<OitItem> oitItemsOf(int indicator) {
        return oitItems.stream().filter(o -> o.indicator() == indicator).toList();
    }

    /** Codes that a score can be looked up by: the tool codes and the codes of their parts. */
    public List<String> scoreKeys() {
        return tools.stream()
                .flatMap(t -> Stream.concat(Stream.of(t.code().name()), t.parts().stream().map(ToolPart::code)))
                .toList();
    }

    public List<ToolPart> parts() {
        return tools.stream().flatMap(t -> t.parts().stream()).toList();
    }

    public long questionCount(ToolCode tool) {
        return questions.stream().filter(q -> q.tool() == tool).count();
    }

    /** Whether any entry the scores depend on is provisional. */
    public boolean isProvisional() {
        return !provisionalEntries().isEmpty();
    }

    /** Short English labels of the provisional entries that scores depend on. */
    public List<String> provisionalEntries() {
        Stream<String> weights = tools.stream().filter(t -> t.provenance().isProvisional())
                .map(t -> "weight of " + t.code());
        Stream<String> ind = indicators.stream().filter(i -> i.provenance().isProvisional())
                .map(i -> "indicator " + i.number());
        Stream<String> levels = levelScheme.provenance().isProvisional() ? Stream.of("level scheme") : Stream.empty();
        Stream<String> items = questions.stream().anyMatch(q -> q.provenance().isProvisional())
                ? Stream.of("question list") : Stream.empty();
        Stream<String> scalesP = scales.stream().filter(s -> s.provenance().isProvisional())
                .map(s -> "answer points of scale " + s.code());
        Stream<String> oit = !oitItemListComplete || oitItems.stream().anyMatch(o -> o.provenance().isProvisional())
                ? Stream.of("OIT item list") : Stream.empty();
        return Stream.of(weights, ind, levels, items, scalesP, oit).flatMap(s -> s).toList();
    }
}
