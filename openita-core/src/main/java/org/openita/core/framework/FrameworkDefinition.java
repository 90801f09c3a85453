package org.openita.core.framework;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole ITA framework of one fiscal year. Immutable; build one with {@link FrameworkLoader}.
 * {@code responseMinimums} is {@link ResponseMinimums#NONE} for a definition without that section.
 */
public record FrameworkDefinition(FiscalYear year, String version, LocalizedText title, Provenance provenance,
                                  List<AnswerScale> scales, List<Tool> tools, List<Indicator> indicators,
                                  List<Question> questions, List<OitItem> oitItems, boolean oitItemListComplete,
                                  LevelScheme levelScheme, ResponseMinimums responseMinimums) {

    public FrameworkDefinition {
        responseMinimums = responseMinimums == null ? ResponseMinimums.NONE : responseMinimums;
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

    /** The provisional entries that scores depend on, grouped and named in Thai and English. */
    public List<LocalizedText> provisionalEntries() {
        List<LocalizedText> out = new java.util.ArrayList<>();
        List<String> toolCodes = tools.stream().filter(t -> t.provenance().isProvisional()).map(t -> t.code().name()).toList();
        if (!toolCodes.isEmpty()) {
            String list = String.join(", ", toolCodes);
            out.add(LocalizedText.of("น้ำหนักของเครื่องมือ " + list, "weights of " + list));
        }
        List<String> inds = indicators.stream().filter(i -> i.provenance().isProvisional()).map(i -> Integer.toString(i.number())).toList();
        if (!inds.isEmpty()) {
            String list = String.join(", ", inds);
            out.add(LocalizedText.of("น้ำหนักของตัวชี้วัดภายในเครื่องมือ (ตัวชี้วัด " + list + ")", "indicator weights within tools (indicators " + list + ")"));
        }
        if (levelScheme.provenance().isProvisional()) {
            out.add(LocalizedText.of("เกณฑ์ระดับผลการประเมิน", "level scheme"));
        }
        if (questions.stream().anyMatch(q -> q.provenance().isProvisional())) {
            out.add(LocalizedText.of("รายการข้อคำถาม IIT และ EIT", "IIT and EIT question list"));
        }
        if (scales.stream().anyMatch(x -> x.provenance().isProvisional())) {
            out.add(LocalizedText.of("คะแนนของแต่ละคำตอบในแบบสำรวจ", "points per survey answer"));
        }
        if (!oitItemListComplete || oitItems.stream().anyMatch(o -> o.provenance().isProvisional())) {
            out.add(LocalizedText.of(oitItemListComplete ? "รายการข้อ OIT" : "รายการข้อ OIT (ยังไม่ครบ)",
                    oitItemListComplete ? "OIT item list" : "OIT item list (incomplete)"));
        }
        return List.copyOf(out);
    }
}
