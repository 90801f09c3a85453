package org.openita.server.survey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.server.cycle.Phase;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.testing.Fixtures;

/**
 * A fiscal year of its own for a survey test: a cycle calendar no other test uses (its default dates), and the shipped
 * 2568 definition loaded and activated for that year with the EIT part-1 default minimum set to {@code eitDefault}, so
 * a test reaches a minimum with a handful of responses. {@link #surveyDay()} is a day inside the year's survey phase.
 * The year has no EIT part-2 minimum unless the test asks for one ({@link #make(Fixtures, FrameworkVersions,
 * FrameworkCatalog, int, Integer, java.util.function.UnaryOperator)}), so tests of IIT and part 1 see only theirs.
 */
record SurveyYears(FiscalYear year, FrameworkDefinition definition, LocalDate surveyDay, LocalDate startsOn, LocalDate endsOn) {

    static SurveyYears make(Fixtures fixtures, FrameworkVersions versions, FrameworkCatalog catalog, int eitDefault) {
        return make(fixtures, versions, catalog, eitDefault, null, java.util.function.UnaryOperator.identity());
    }

    /**
     * As above, with the EIT part-2 minimum {@code surveyDefault} (none when null) and the definition's text changed
     * by {@code edit} before it is loaded (for example to weigh EIT's parts instead of pooling them).
     */
    static SurveyYears make(Fixtures fixtures, FrameworkVersions versions, FrameworkCatalog catalog, int eitDefault,
                            Integer surveyDefault, java.util.function.UnaryOperator<String> edit) {
        Fixtures.CalendarBuilder calendar = fixtures.cycleCalendar();
        var windows = calendar.create();
        FiscalYear year = calendar.year();
        var survey = windows.stream().filter(w -> w.phase() == Phase.SURVEY_COLLECTION).findFirst().orElseThrow();
        String text;
        try (InputStream in = SurveyYears.class.getResourceAsStream("/frameworks/ita-2568.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int y = year.buddhistEra();
        text = text.replace("\nyear: 2568\n", "\nyear: " + y + "\n").replace("version: \"2568.1\"", "version: \"" + y + ".t\"")
                .replace("    default: 100\n", "    default: " + eitDefault + "\n");
        int part2 = text.indexOf("  eitSurvey:\n");
        text = part2 < 0 ? text : surveyDefault == null ? text.substring(0, part2)
                : text.replace("    default: 5\n", "    default: " + surveyDefault + "\n");
        text = edit.apply(text);
        FrameworkVersions.Loaded loaded = versions.load("test", "ita-" + y + ".yaml", text);
        if (!loaded.problems().isEmpty()) {
            throw new IllegalStateException("the test definition was refused: " + loaded.problems());
        }
        versions.activate("test", loaded.version().orElseThrow().id()).orElseThrow();
        return new SurveyYears(year, catalog.active(y).orElseThrow(), survey.startsOn().plusDays(9), survey.startsOn(), survey.endsOn());
    }
}
