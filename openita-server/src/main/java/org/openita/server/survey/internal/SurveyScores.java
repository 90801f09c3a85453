package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.ResponseMinimums;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.Tally;
import org.openita.core.survey.SurveyTallies;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.results.ComputedResults;
import org.openita.server.results.ResultBasis;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The score inputs of a year's stored answers, one per agency that has any: the answers counted by agency, part,
 * answer key and option in one GROUP BY over the answers (never from a kept tally that could drift from them), turned
 * into question tallies by the core's {@link SurveyTallies}, and written in the score-input form that official results
 * use (docs/schemas/score-input.schema.json).
 */
@Component
class SurveyScores {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A part of an agency's survey with fewer responses than its {@link SurveyPart#fewestShown()} is not scored: its
     * question scores would be a breakdown of so few answers that a respondent's own could be read from them
     * (docs/surveys.md).
     */
    static boolean scored(String part, int responses) {
        return responses >= SurveyPart.ofCode(part).fewestShown();
    }

    static final String COUNTED = "select r.agency_code, r.part, a.key, a.value, count(*) from survey_response r"
            + " cross join lateral jsonb_each_text(r.answers) a where r.fiscal_year = ?"
            + " group by r.agency_code, r.part, a.key, a.value order by r.agency_code";

    private final JdbcClient jdbc;
    /** Reads the counted rows through a cursor, 1,000 at a time, inside the caller's transaction. */
    private final org.springframework.jdbc.core.JdbcTemplate cursor;
    private final AgencyRegistry agencies;
    private final org.openita.server.oit.ConfirmedOit oit;

    SurveyScores(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, AgencyRegistry agencies,
                 org.openita.server.oit.ConfirmedOit oit) {
        this.oit = oit;
        this.jdbc = jdbc;
        this.cursor = new org.springframework.jdbc.core.JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        this.cursor.setFetchSize(1000);
        this.agencies = agencies;
    }

    /**
     * The computed inputs of every agency with responses or confirmed OIT verdicts in the year, in agency-code order,
     * each with its confirmed OIT verdicts ({@link org.openita.server.oit.ConfirmedOit}), so that closing the surveys
     * never drops them. The counted rows stream agency by agency, so only one agency's rows are held at a time.
     */
    List<ComputedResults.Computed> of(FrameworkDefinition def, FiscalYear year) {
        Map<AgencyCode, Map<String, Map<String, Boolean>>> confirmed = new java.util.TreeMap<>(java.util.Comparator.comparing(AgencyCode::value));
        confirmed.putAll(oit.of(year));
        Map<String, Map<String, Integer>> responses = new LinkedHashMap<>();
        jdbc.sql("select agency_code, part, count(*) from survey_response where fiscal_year = ? group by agency_code, part")
                .param(year.buddhistEra())
                .query((RowCallbackHandler) rs -> responses.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getInt(3)));
        List<ComputedResults.Computed> out = new ArrayList<>();
        List<SurveyTallies.Row> rows = new ArrayList<>();
        String[] current = {null};
        Runnable emit = () -> {
            if (current[0] != null && !rows.isEmpty()) {
                AgencyCode agency = AgencyCode.of(current[0]);
                Map<String, Integer> all = responses.getOrDefault(current[0], Map.of());
                Map<String, Integer> scored = new LinkedHashMap<>(all);
                scored.entrySet().removeIf(e -> !scored(e.getKey(), e.getValue()));
                Agency found = agencies.find(agency).orElse(null);
                out.add(new ComputedResults.Computed(agency, input(def, year, found, SurveyTallies.of(def, rows), confirmed.remove(agency)),
                        new ResultBasis(scored, found == null ? List.of() : belowMinimum(def, found, all))));
            }
            rows.clear();
        };
        cursor.query(COUNTED, (RowCallbackHandler) rs -> {
            if (!rs.getString(1).equals(current[0])) {
                emit.run();
                current[0] = rs.getString(1);
            }
            if (scored(rs.getString(2), responses.getOrDefault(rs.getString(1), Map.of()).getOrDefault(rs.getString(2), 0))) {
                rows.add(new SurveyTallies.Row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }, year.buddhistEra());
        emit.run();
        // agencies with confirmed OIT verdicts and no survey answers
        confirmed.forEach((agency, verdicts) -> out.add(new ComputedResults.Computed(agency,
                input(def, year, agencies.find(agency).orElse(null), SurveyTallies.of(def, List.of()), verdicts),
                new ResultBasis(Map.of(), List.of()))));
        out.sort(java.util.Comparator.comparing(c -> c.agency().value()));
        return out;
    }

    /**
     * The parts of an agency's survey whose responses (all of them, scored or not) are fewer than the minimum the
     * definition sets for the agency today; a part without a minimum (no rule, no staff count) is not named.
     */
    static List<ResultBasis.BelowMinimum> belowMinimum(FrameworkDefinition def, Agency agency, Map<String, Integer> responses) {
        List<ResultBasis.BelowMinimum> below = new ArrayList<>();
        ResponseMinimums rules = def.responseMinimums();
        Map<String, ResponseTarget> targets = new LinkedHashMap<>();
        targets.put(SurveyPart.IIT.code(), ResponseTarget.iit(rules, agency));
        targets.put(SurveyPart.EIT_PUBLIC.code(), ResponseTarget.eitPublic(rules, agency));
        targets.put(SurveyPart.EIT_SURVEY.code(), ResponseTarget.eitSurvey(rules, agency)); // only a year with part 2 has its rule
        for (var target : targets.entrySet()) {
            int n = responses.getOrDefault(target.getKey(), 0);
            if (target.getValue().set() && n < target.getValue().minimum()) {
                below.add(new ResultBasis.BelowMinimum(target.getKey(), n, target.getValue().minimum(), target.getValue().provisional()));
            }
        }
        return below;
    }

    /** The score input of one agency: its profile, the year and the question tallies. */
    static String input(FrameworkDefinition def, FiscalYear year, Agency agency, SurveyTallies tallies) {
        return input(def, year, agency, tallies, null);
    }

    /** As above, with the agency's confirmed OIT verdicts (null or empty: none). */
    static String input(FrameworkDefinition def, FiscalYear year, Agency agency, SurveyTallies tallies,
                        Map<String, Map<String, Boolean>> oitVerdicts) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (agency != null) {
            input.put("agency", org.openita.server.results.ScoreInputAgency.of(agency));
        }
        input.put("year", year.buddhistEra());
        Map<String, Object> questions = new LinkedHashMap<>();
        tallies.questions().forEach((code, evidence) -> {
            if (evidence instanceof QuestionEvidence.Tallies t) {
                questions.put(code, question(t));
            }
        });
        if (!questions.isEmpty()) {
            input.put("questions", questions);
        }
        if (oitVerdicts != null && !oitVerdicts.isEmpty()) {
            input.put("oit", org.openita.server.oit.ConfirmedOit.evidence(oitVerdicts));
        }
        return JSON.writeValueAsString(input);
    }

    /** {"tally": ...} or {"subItems": ...}, inside {"parts": {...}} for a tool with parts. */
    private static Map<String, Object> question(QuestionEvidence.Tallies t) {
        Map<String, Map<String, Tally>> byPart = t.byPart();
        if (byPart.size() == 1 && byPart.containsKey(QuestionEvidence.WHOLE)) {
            return answers(byPart.get(QuestionEvidence.WHOLE));
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        byPart.forEach((part, subs) -> parts.put(part, answers(subs)));
        return Map.of("parts", parts);
    }

    private static Map<String, Object> answers(Map<String, Tally> bySub) {
        if (bySub.size() == 1 && bySub.containsKey(QuestionEvidence.WHOLE)) {
            return Map.of("tally", new java.util.TreeMap<>(bySub.get(QuestionEvidence.WHOLE).counts()));
        }
        Map<String, Object> subs = new java.util.TreeMap<>();
        bySub.forEach((sub, tally) -> subs.put(sub, new java.util.TreeMap<>(tally.counts())));
        return Map.of("subItems", subs);
    }
}
