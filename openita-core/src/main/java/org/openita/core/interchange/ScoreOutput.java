package org.openita.core.interchange;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The score output contract (docs/schemas/score-output.schema.json) as records: what {@code openita score --format json}
 * prints and what the API answers for an agency's year. Figures are rounded half-up to two decimals; unknown figures
 * and levels are null (and written as null). {@link ScoreResultWriter#output} builds it; the field order is the
 * documented one.
 */
@JsonPropertyOrder({"year", "agency", "indicators", "tools", "overall", "computedOverall", "publishedOverall", "overallSource", "level",
        "levelCode", "levelSource", "computedLevel", "computedLevelCode", "computedLevelReason", "computedLevelMissing", "publishedLevel",
        "figureSources", "provisional", "provisionalEntries", "warnings", "checks"})
public record ScoreOutput(int year, String agency, Map<String, BigDecimal> indicators, Map<String, BigDecimal> tools, BigDecimal overall,
                          BigDecimal computedOverall, BigDecimal publishedOverall, String overallSource, String level, String levelCode,
                          String levelSource, String computedLevel, String computedLevelCode, Text computedLevelReason,
                          List<String> computedLevelMissing, String publishedLevel, Map<String, String> figureSources, boolean provisional,
                          List<Text> provisionalEntries, List<Warning> warnings, List<Check> checks) {

    /** A sentence in Thai and English. */
    @JsonPropertyOrder({"th", "en"})
    public record Text(String th, String en) {
    }

    /** A warning about the figures, with its stable code. */
    @JsonPropertyOrder({"code", "th", "en"})
    public record Warning(String code, String th, String en) {
    }

    /** A figure that was both given and recomputable: the given one beside the recomputed one, and the rule. */
    @JsonPropertyOrder({"key", "given", "recomputed", "difference", "differs", "rule"})
    public record Check(String key, BigDecimal given, BigDecimal recomputed, BigDecimal difference, boolean differs, Text rule) {
    }
}
