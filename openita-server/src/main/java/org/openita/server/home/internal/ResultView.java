package org.openita.server.home.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.LocalizedText;
import org.openita.core.scoring.LevelSource;
import org.openita.core.scoring.Rounding;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.results.AgencyResult;

/**
 * An agency result prepared for the page, in the reader's language. The overall and level are the announced ones
 * when given ({@code overallSource}/{@code levelSource} "official"), the computed ones otherwise.
 */
record ResultView(String agency, int year, List<Row> indicators, List<Row> tools, String overall, String overallSource,
                  String level, String levelSource, String levelReason, List<String> warnings, boolean provisional) {

    /** Warnings that compare announced figures with recomputed ones; they belong to the results page's check. */
    private static final Set<String> CHECKS = Set.of("OVERALL_DIFFERS", "FIGURE_DIFFERS", "LEVEL_DIFFERS");

    /** One line of a score table; {@code score} is null when unknown; {@code computed} marks a recomputed figure among announced ones. */
    record Row(String code, String name, String tool, String score, double bar, boolean computed) {
    }

    static ResultView of(AgencyResult result, Locale locale) {
        ScoreResult r = result.score();
        FrameworkDefinition d = result.framework();
        boolean announced = !r.officialKeys().isEmpty();
        List<Row> indicators = new ArrayList<>();
        for (Indicator i : d.indicators()) {
            Double v = r.indicators().get(i.number());
            indicators.add(new Row(Integer.toString(i.number()), i.name().in(locale), i.tool().name(), fmt(v), v == null ? 0 : v,
                    v != null && announced && !r.isOfficial(Integer.toString(i.number()))));
        }
        List<Row> tools = new ArrayList<>();
        for (String key : d.scoreKeys()) {
            Double v = r.tools().get(key);
            tools.add(new Row(key, ScoringEngine.scoreName(d, key).in(locale), key, fmt(v), v == null ? 0 : v,
                    v != null && announced && !r.isOfficial(key)));
        }
        var profile = result.profile();
        String agency = profile.name() + (profile.district() == null ? "" : " อำเภอ" + profile.district())
                + (profile.province() == null ? "" : " จังหวัด" + profile.province());
        LocalizedText level = r.resultLevelName();
        return new ResultView(agency, d.year().buddhistEra(), indicators, tools, fmt(r.overall()),
                r.overall() == null ? null : r.overallOfficial() ? "official" : "computed",
                level == null ? null : level.in(locale), r.levelSource().json(),
                r.levelSource() == LevelSource.OFFICIAL ? null : r.level().reason().in(locale),
                r.warnings().stream().filter(w -> !CHECKS.contains(w.code())).map(w -> w.message().in(locale)).toList(),
                r.provisional());
    }

    private static String fmt(Double v) {
        return v == null ? null : Rounding.display(v).toPlainString();
    }
}
