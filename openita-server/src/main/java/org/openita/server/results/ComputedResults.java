package org.openita.server.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results OpenITA computed from its own survey answers, kept in the same row and form as official ones (ADR 0026) so
 * that every reader of results shows them unchanged. An official result is never replaced by a computed one; a computed
 * one is replaced by the next computation and by any official import.
 */
@Service
public class ComputedResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One agency's computed year: its score input (docs/schemas/score-input.schema.json) and what it was computed from. */
    public record Computed(AgencyCode agency, String input, ResultBasis basis) {
    }

    /** What a store did: rows written, and agencies left alone because they have official results. */
    public record Stored(int written, List<AgencyCode> officialKept) {
    }

    private final JdbcClient jdbc;
    private final FrameworkCatalog frameworks;
    private final AuditTrail audit;

    ComputedResults(JdbcClient jdbc, FrameworkCatalog frameworks, AuditTrail audit) {
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.audit = audit;
    }

    /**
     * Stores computed results of one year, each checked against the year's framework first (a bad input throws before
     * anything is written). Runs inside the caller's transaction, which must exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stored store(String actor, FiscalYear year, List<Computed> rows) {
        for (Computed c : rows) {
            ScoreInputReader.Read read = ScoreInputReader.read(c.input(), frameworks::active);
            if (!read.input().year().equals(year)) {
                throw new IllegalArgumentException("input of " + c.agency() + " is for " + read.input().year() + ", not " + year);
            }
        }
        List<AuditTrail.Entry> entries = new ArrayList<>();
        List<AgencyCode> kept = new ArrayList<>();
        int written = 0;
        for (Computed c : rows.stream().sorted(java.util.Comparator.comparing(r -> r.agency().value())).toList()) {
            String basis = JSON.writeValueAsString(c.basis().responsesByPart());
            String below = belowMinimum(c.basis());
            Optional<String> before = jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?"
                    + " and source = 'SURVEY' for update").params(c.agency().value(), year.buddhistEra()).query(String.class).optional();
            int n = jdbc.sql("insert into agency_result (agency_code, fiscal_year, input, imported_by, source, basis, below_minimum)"
                            + " values (?, ?, cast(? as jsonb), ?, 'SURVEY', cast(? as jsonb), cast(? as jsonb))"
                            + " on conflict (agency_code, fiscal_year) do update set input = excluded.input, imported_at = now(),"
                            + " imported_by = excluded.imported_by, basis = excluded.basis, below_minimum = excluded.below_minimum"
                            // a computed row never replaces an official one
                            + " where agency_result.source = 'SURVEY'")
                    .params(c.agency().value(), year.buddhistEra(), c.input(), actor, basis, below).update();
            if (n == 0) {
                kept.add(c.agency());
                continue;
            }
            written++;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("input", JSON.readTree(c.input()));
            after.put("basis", c.basis().responsesByPart());
            if (below != null) {
                after.put("belowMinimum", JSON.readTree(below));
            }
            entries.add(new AuditTrail.Entry("result:" + c.agency().value() + "/" + year.buddhistEra(),
                    before.<Map<String, ?>>map(b -> Map.of("input", JSON.readTree(b))).orElse(null), after));
        }
        if (!entries.isEmpty()) {
            audit.recordAll(actor, "RESULT_COMPUTED", entries);
        }
        return new Stored(written, List.copyOf(kept));
    }

    /** The score input of an agency's computed result (never an official one), when it has one. */
    public Optional<String> input(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ? and source = 'SURVEY'")
                .params(agency.value(), year.buddhistEra()).query(String.class).optional();
    }

    /** What an agency's stored result was computed from, when OpenITA computed it; empty for an official result or none. */
    public Optional<ResultBasis> basis(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select cast(basis as text), cast(below_minimum as text) from agency_result where agency_code = ? and fiscal_year = ?"
                        + " and source = 'SURVEY'")
                .params(agency.value(), year.buddhistEra()).query((rs, i) -> basis(rs.getString(1), rs.getString(2))).optional();
    }

    /** The bases of every computed result of a year, by agency (for exports of the whole year). */
    public Map<AgencyCode, ResultBasis> bases(FiscalYear year) {
        Map<AgencyCode, ResultBasis> out = new LinkedHashMap<>();
        jdbc.sql("select agency_code, cast(basis as text), cast(below_minimum as text) from agency_result where fiscal_year = ?"
                        + " and source = 'SURVEY' order by agency_code")
                .param(year.buddhistEra())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(AgencyCode.of(rs.getString(1)),
                        basis(rs.getString(2), rs.getString(3))));
        return out;
    }

    static ResultBasis basis(String json, String belowMinimum) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> parts.put(e.getKey(), e.getValue().asInt()));
        List<ResultBasis.BelowMinimum> below = new ArrayList<>();
        if (belowMinimum != null) {
            JSON.readTree(belowMinimum).properties().forEach(e -> below.add(new ResultBasis.BelowMinimum(e.getKey(),
                    e.getValue().get("responses").asInt(), e.getValue().get("minimum").asInt(), e.getValue().path("provisional").asBoolean())));
        }
        return new ResultBasis(parts, below);
    }

    /** {"IIT": {"responses": 7, "minimum": 12, "provisional": true}}, or null when every part met its minimum. */
    private static String belowMinimum(ResultBasis basis) {
        if (basis.belowMinimum().isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        basis.belowMinimum().forEach(b -> out.put(b.part(), Map.of("responses", b.responses(), "minimum", b.minimum(),
                "provisional", b.provisional())));
        return JSON.writeValueAsString(out);
    }

    /**
     * Withdraws every computed result of a year (the surveys were reopened): official rows are never touched. Each
     * withdrawn row is audited with what it held. Runs inside the caller's transaction, which must exist.
     *
     * @return the agencies whose computed result was withdrawn
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AgencyCode> withdraw(String actor, FiscalYear year, String reason) {
        List<AuditTrail.Entry> entries = new ArrayList<>();
        List<AgencyCode> withdrawn = new ArrayList<>();
        jdbc.sql("delete from agency_result where fiscal_year = ? and source = 'SURVEY'"
                        + " returning agency_code, cast(input as text), cast(basis as text)")
                .param(year.buddhistEra())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    withdrawn.add(AgencyCode.of(rs.getString(1)));
                    entries.add(new AuditTrail.Entry("result:" + rs.getString(1) + "/" + year.buddhistEra(),
                            Map.of("input", JSON.readTree(rs.getString(2)), "basis", JSON.readTree(rs.getString(3))),
                            Map.of("reason", reason)));
                });
        if (!entries.isEmpty()) {
            audit.recordAll(actor, "RESULT_WITHDRAWN", entries);
        }
        withdrawn.sort(java.util.Comparator.comparing(AgencyCode::value));
        return List.copyOf(withdrawn);
    }
}
