package org.openita.server.oit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The confirmed OIT verdicts of a year: per agency, per item, whether each component passes. Only confirmed items count
 * (a reopened item is absent until it is confirmed again). These are the "oit" evidence of a score input
 * (docs/schemas/score-input.schema.json): {@code {"o1": {"components": {"1": true, "2": false}}}}.
 */
@Service
public class ConfirmedOit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ConfirmedOit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The confirmed verdicts of a year by agency (in code order), then by item, then by component. */
    public Map<AgencyCode, Map<String, Map<String, Boolean>>> of(FiscalYear year) {
        Map<AgencyCode, Map<String, Map<String, Boolean>>> out = new LinkedHashMap<>();
        jdbc.sql("select agency_code, item_code, cast(verdicts as text) from oit_review where fiscal_year = ? and state = 'CONFIRMED'"
                        + " order by agency_code, item_code")
                .param(year.buddhistEra())
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(AgencyCode.of(rs.getString(1)), k -> new TreeMap<>())
                        .put(rs.getString(2), components(rs.getString(3))));
        return out;
    }

    /** One agency's confirmed verdicts of a year, by item; empty when none is confirmed. */
    public Map<String, Map<String, Boolean>> of(AgencyCode agency, FiscalYear year) {
        Map<String, Map<String, Boolean>> out = new TreeMap<>();
        jdbc.sql("select item_code, cast(verdicts as text) from oit_review where agency_code = ? and fiscal_year = ? and state = 'CONFIRMED'")
                .params(agency.value(), year.buddhistEra())
                .query((RowCallbackHandler) rs -> out.put(rs.getString(1), components(rs.getString(2))));
        return out;
    }

    /** The "oit" object of a score input for these verdicts. */
    public static Map<String, Object> evidence(Map<String, Map<String, Boolean>> verdicts) {
        Map<String, Object> out = new TreeMap<>(java.util.Comparator.comparingInt(ConfirmedOit::itemNumber).thenComparing(s -> s));
        verdicts.forEach((item, components) -> out.put(item, Map.of("components", components)));
        return out;
    }

    private static int itemNumber(String code) {
        String digits = code.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static Map<String, Boolean> components(String json) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().path("passes").asBoolean()));
        return out;
    }
}
