package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data: survey responses stored with the server's own SQL ({@link ResponseRows}), as an answered form would be. Answers
 * follow the year's questionnaire: every field gets an option code of its scale, chosen from {@code seed}.
 */
public final class SurveyResponses {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final ResponseRows rows;

    public SurveyResponses(JdbcClient jdbc) {
        this.rows = new ResponseRows(jdbc);
    }

    /** The answer keys of a year's questionnaire for a part, in its order. */
    public static List<String> keys(FrameworkDefinition def, SurveyPart part) {
        return Questionnaire.of(def, part.tool(), part.code()).fields().stream().map(Questionnaire.Field::answerKey).toList();
    }

    /** A full sheet of answers: the {@code seed}-th option (cycling) of each field's scale. */
    public static Map<String, String> answers(FrameworkDefinition def, SurveyPart part, int seed) {
        Questionnaire q = Questionnaire.of(def, part.tool(), part.code());
        Map<String, String> a = new LinkedHashMap<>();
        int i = seed;
        for (Questionnaire.Item item : q.items()) {
            for (Questionnaire.Field f : item.fields()) {
                var options = item.scale().options();
                a.put(f.answerKey(), options.get(Math.floorMod(i++, options.size())).code());
            }
        }
        return a;
    }

    /** {@code n} IIT responses of the agency's year, with answers of the year's questionnaire. */
    public void iit(AgencyCode agency, FrameworkDefinition def, int n) {
        for (int k = 0; k < n; k++) {
            iit(agency, def.year().buddhistEra(), answers(def, SurveyPart.IIT, k));
        }
    }

    public void iit(AgencyCode agency, int year, Map<String, String> answers) {
        rows.insert(List.of(new ResponseRows.Row(agency, year, SurveyPart.IIT, LocalDate.now(), JSON.writeValueAsString(answers), Optional.empty(), Optional.empty(), null)));
    }

    public void eit(AgencyCode agency, int year, LocalDate day, Map<String, String> answers, int seconds, boolean identical, int burst) {
        rows.insert(List.of(new ResponseRows.Row(agency, year, SurveyPart.EIT_PUBLIC, day, JSON.writeValueAsString(answers), Optional.empty(), Optional.empty(),
                new Intake.Quality(seconds, identical, burst))));
    }

    /** {@code n} EIT part-1 responses of the agency's year, answered on {@code day}. */
    public void eit(AgencyCode agency, FrameworkDefinition def, LocalDate day, int n) {
        for (int k = 0; k < n; k++) {
            eit(agency, def.year().buddhistEra(), day, answers(def, SurveyPart.EIT_PUBLIC, k), 60 + k, false, 0);
        }
    }

    /** One EIT part-2 response (as an assessor's device sends it: the answers and the day, nothing else). */
    public void survey(AgencyCode agency, int year, LocalDate day, Map<String, String> answers) {
        rows.insert(List.of(new ResponseRows.Row(agency, year, SurveyPart.EIT_SURVEY, day, JSON.writeValueAsString(answers), Optional.empty(),
                Optional.empty(), null)));
    }
}
