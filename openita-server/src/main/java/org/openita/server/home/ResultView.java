package org.openita.server.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.scoring.Rounding;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.results.AgencyResult;

/** An agency result prepared for the page, in the reader's language. */
record ResultView(String agency, int year, List<Row> indicators, List<Row> tools, String overall,
                  String publishedOverall, boolean levelDetermined, String level, String levelReason,
                  String publishedLevel, List<String> warnings, boolean provisional, List<String> provisionalEntries) {

    /** One line of a score table; {@code score} is null when unknown. */
    record Row(String code, String name, String tool, String score, double bar) {
    }

    static ResultView of(AgencyResult result, Locale locale) {
        ScoreResult r = result.score();
        FrameworkDefinition d = result.framework();
        List<Row> indicators = new ArrayList<>();
        for (Indicator i : d.indicators()) {
            Double v = r.indicators().get(i.number());
            indicators.add(new Row(Integer.toString(i.number()), i.name().in(locale), i.tool().name(), fmt(v), v == null ? 0 : v));
        }
        List<Row> tools = new ArrayList<>();
        for (String key : d.scoreKeys()) {
            Double v = r.tools().get(key);
            tools.add(new Row(key, ScoringEngine.scoreName(d, key).in(locale), key, fmt(v), v == null ? 0 : v));
        }
        var profile = result.profile();
        String agency = profile.name() + (profile.district() == null ? "" : " อำเภอ" + profile.district())
                + (profile.province() == null ? "" : " จังหวัด" + profile.province());
        return new ResultView(agency, d.year().buddhistEra(), indicators, tools, fmt(r.computedOverall()),
                fmt(r.publishedOverall()), r.level().isDetermined(),
                r.level().isDetermined() ? r.level().level().name().in(locale) : null,
                r.level().reason().in(locale), r.publishedLevel(),
                r.warnings().stream().map(w -> w.message().in(locale)).toList(), r.provisional(),
                r.provisionalEntries().stream().map(e -> e.in(locale)).toList());
    }

    private static String fmt(Double v) {
        return v == null ? null : Rounding.display(v).toPlainString();
    }
}
