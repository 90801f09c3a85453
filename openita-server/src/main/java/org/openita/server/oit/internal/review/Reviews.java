package org.openita.server.oit.internal.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviews of OIT items in PostgreSQL, with the moves a review may make. Each move is guarded (a confirmed item is
 * locked; a save must name the version it was made from) and audited with the state before and after.
 */
@Component
class Reviews {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a save of verdicts did. */
    sealed interface Saved {
        /** Stored: the review as it now is. */
        record Done(Review review) implements Saved {
        }

        /** Someone saved the item since the form was opened: nothing stored; what they saved. */
        record Conflict(Review current) implements Saved {
        }

        /** The item is confirmed (locked): nothing stored. */
        record Locked(Review current) implements Saved {
        }
    }

    /** What a clarification did. */
    enum Filed { FILED, NO_VERDICT, NOT_ZERO, CLOSED }

    private static final String COLUMNS = "agency_code, fiscal_year, item_code, cast(verdicts as text), state, judged_by, judged_at,"
            + " decided_by, decided_at, confirmed_by, confirmed_at, version";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Reviews(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Review> find(AgencyCode agency, int year, String item) {
        return jdbc.sql("select " + COLUMNS + " from oit_review where agency_code = ? and fiscal_year = ? and item_code = ?")
                .params(agency.value(), year, item).query(Reviews::review).optional();
    }

    /** The reviews of an agency's year, by item. */
    Map<String, Review> all(AgencyCode agency, int year) {
        Map<String, Review> out = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from oit_review where agency_code = ? and fiscal_year = ? order by item_code")
                .params(agency.value(), year).query(Reviews::review).list().forEach(r -> out.put(r.item(), r));
        return out;
    }

    /**
     * Stores an assessor's verdicts. {@code version} is the one the form was made from, null for an item never judged
     * when the form was opened.
     */
    @Transactional
    Saved save(String actor, AgencyCode agency, int year, String item, Integer version, Map<String, Verdict> verdicts) {
        Instant now = clock.instant();
        if (version == null) {
            int n = jdbc.sql("insert into oit_review (agency_code, fiscal_year, item_code, verdicts, state, judged_by, judged_at)"
                            + " values (?, ?, ?, cast(? as jsonb), 'PRELIMINARY', ?, ?) on conflict do nothing")
                    .params(agency.value(), year, item, json(verdicts), actor, at(now)).update();
            Review current = find(agency, year, item).orElseThrow();
            if (n == 0) {
                return current.locked() ? new Saved.Locked(current) : new Saved.Conflict(current);
            }
            audit.record(actor, "OIT_VERDICT_SAVED", subject(agency, year, item), null, current.audited());
            return new Saved.Done(current);
        }
        Optional<Review> before = jdbc.sql("select " + COLUMNS + " from oit_review where agency_code = ? and fiscal_year = ?"
                + " and item_code = ? for update").params(agency.value(), year, item).query(Reviews::review).optional();
        if (before.isEmpty()) {
            throw new IllegalStateException("no review of " + subject(agency, year, item) + " at version " + version);
        }
        Review b = before.get();
        if (b.locked()) {
            return new Saved.Locked(b);
        }
        if (b.version() != version) {
            return new Saved.Conflict(b);
        }
        ReviewState next = b.state().afterJudging();
        boolean decision = next == ReviewState.DECIDED;
        jdbc.sql("update oit_review set verdicts = cast(? as jsonb), state = ?, judged_by = ?, judged_at = ?,"
                        + " decided_by = case when ? then ? else decided_by end, decided_at = case when ? then ? else decided_at end,"
                        + " version = version + 1 where agency_code = ? and fiscal_year = ? and item_code = ?")
                .params(json(verdicts), next.name(), actor, at(now), decision, actor, decision, at(now), agency.value(), year, item).update();
        Review after = find(agency, year, item).orElseThrow();
        audit.record(actor, decision ? "OIT_VERDICT_DECIDED" : "OIT_VERDICT_SAVED", subject(agency, year, item), b.audited(), after.audited());
        return new Saved.Done(after);
    }

    /** The agency's clarification of an item, when it filed one. */
    Optional<Clarification> clarification(AgencyCode agency, int year, String item) {
        return jdbc.sql("select text, filed_by, filed_at from oit_clarification where agency_code = ? and fiscal_year = ? and item_code = ?")
                .params(agency.value(), year, item)
                .query((rs, i) -> new Clarification(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The clarifications of an agency's year, by item. */
    Map<String, Clarification> clarifications(AgencyCode agency, int year) {
        Map<String, Clarification> out = new LinkedHashMap<>();
        jdbc.sql("select item_code, text, filed_by, filed_at from oit_clarification where agency_code = ? and fiscal_year = ?")
                .params(agency.value(), year)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1),
                        new Clarification(rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant())));
        return out;
    }

    /** An agency's explanation of an item scored 0. */
    public record Clarification(String text, String filedBy, Instant filedAt) {
    }

    /**
     * Files (or, until the assessor decides, replaces) the agency's explanation of an item its preliminary verdict
     * scored 0. The text was checked by the caller.
     */
    @Transactional
    Filed clarify(String actor, AgencyCode agency, int year, String item, String text) {
        Optional<Review> before = jdbc.sql("select " + COLUMNS + " from oit_review where agency_code = ? and fiscal_year = ?"
                + " and item_code = ? for update").params(agency.value(), year, item).query(Reviews::review).optional();
        if (before.isEmpty()) {
            return Filed.NO_VERDICT;
        }
        Review b = before.get();
        if (b.state() != ReviewState.PRELIMINARY && b.state() != ReviewState.CLARIFICATION_FILED) {
            return Filed.CLOSED;
        }
        if (b.score() != 0) {
            return Filed.NOT_ZERO;
        }
        Optional<Clarification> earlier = clarification(agency, year, item);
        Instant now = clock.instant();
        jdbc.sql("insert into oit_clarification (agency_code, fiscal_year, item_code, text, filed_by, filed_at) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (agency_code, fiscal_year, item_code) do update set text = excluded.text,"
                        + " filed_by = excluded.filed_by, filed_at = excluded.filed_at")
                .params(agency.value(), year, item, text, actor, at(now)).update();
        jdbc.sql("update oit_review set state = 'CLARIFICATION_FILED', version = version + 1 where agency_code = ? and fiscal_year = ?"
                + " and item_code = ?").params(agency.value(), year, item).update();
        audit.record(actor, "OIT_CLARIFICATION_FILED", subject(agency, year, item),
                earlier.<Map<String, ?>>map(c -> Map.of("text", c.text(), "state", b.state().name())).orElse(Map.of("state", b.state().name())),
                Map.of("text", text, "state", ReviewState.CLARIFICATION_FILED.name()));
        return Filed.FILED;
    }

    /**
     * Confirms an agency's year: every review is locked; each item of {@code items} with no review (not submitted) is
     * confirmed as failing every component. Refuses (returns the items) while a submitted item is unjudged or its
     * clarification undecided.
     *
     * @param items      every item of the year's definition with its component codes, in order
     * @param submitted  the items the agency submitted
     * @return the items that stand in the way; empty when confirmed
     */
    @Transactional
    List<String> confirm(String actor, AgencyCode agency, int year, Map<String, List<String>> items, java.util.Set<String> submitted) {
        jdbc.sql("select 1 from oit_review where agency_code = ? and fiscal_year = ? for update").params(agency.value(), year).query().listOfRows();
        Map<String, Review> reviews = all(agency, year);
        List<String> waiting = new ArrayList<>();
        for (String item : items.keySet()) {
            Review r = reviews.get(item);
            if ((r == null && submitted.contains(item)) || (r != null && r.state() == ReviewState.CLARIFICATION_FILED)) {
                waiting.add(item);
            }
        }
        if (!waiting.isEmpty()) {
            return waiting;
        }
        Instant now = clock.instant();
        List<AuditTrail.Entry> entries = new ArrayList<>();
        for (var e : items.entrySet()) {
            Review r = reviews.get(e.getKey());
            if (r == null) {
                Map<String, Verdict> none = new LinkedHashMap<>();
                e.getValue().forEach(c -> none.put(c, new Verdict(false, "")));
                jdbc.sql("insert into oit_review (agency_code, fiscal_year, item_code, verdicts, state, judged_by, judged_at, confirmed_by,"
                                + " confirmed_at) values (?, ?, ?, cast(? as jsonb), 'CONFIRMED', ?, ?, ?, ?)")
                        .params(agency.value(), year, e.getKey(), json(none), actor, at(now), actor, at(now)).update();
            } else if (!r.locked()) {
                jdbc.sql("update oit_review set state = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?, version = version + 1"
                        + " where agency_code = ? and fiscal_year = ? and item_code = ?").params(actor, at(now), agency.value(), year, e.getKey()).update();
            } else {
                continue;
            }
            entries.add(new AuditTrail.Entry(subject(agency, year, e.getKey()), r == null ? null : r.audited(),
                    find(agency, year, e.getKey()).orElseThrow().audited()));
        }
        if (!entries.isEmpty()) {
            audit.recordAll(actor, "OIT_CONFIRMED", entries);
        }
        return List.of();
    }

    /** Opens a confirmed item again for the assessor; false when it is not confirmed. */
    @Transactional
    boolean reopen(String actor, AgencyCode agency, int year, String item, String reason) {
        Optional<Review> before = jdbc.sql("select " + COLUMNS + " from oit_review where agency_code = ? and fiscal_year = ?"
                + " and item_code = ? for update").params(agency.value(), year, item).query(Reviews::review).optional();
        if (before.isEmpty() || !before.get().locked()) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("update oit_review set state = 'REOPENED', confirmed_by = null, confirmed_at = null, version = version + 1"
                + " where agency_code = ? and fiscal_year = ? and item_code = ?").params(agency.value(), year, item).update();
        jdbc.sql("insert into oit_reopening (agency_code, fiscal_year, item_code, reopened_by, reopened_at, reason) values (?, ?, ?, ?, ?, ?)")
                .params(agency.value(), year, item, actor, at(now), reason).update();
        Map<String, Object> after = new LinkedHashMap<>(find(agency, year, item).orElseThrow().audited());
        after.put("reason", reason);
        audit.record(actor, "OIT_REOPENED", subject(agency, year, item), before.get().audited(), after);
        return true;
    }

    /** The reopenings of an item, newest first. */
    List<Reopening> reopenings(AgencyCode agency, int year, String item) {
        return jdbc.sql("select reopened_by, reopened_at, reason from oit_reopening where agency_code = ? and fiscal_year = ? and item_code = ?"
                        + " order by id desc").params(agency.value(), year, item)
                .query((rs, i) -> new Reopening(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3))).list();
    }

    public record Reopening(String by, Instant at, String reason) {
    }

    static String subject(AgencyCode agency, int year, String item) {
        return "oit:" + agency.value() + "/" + year + "/" + item;
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static String json(Map<String, Verdict> verdicts) {
        Map<String, Object> out = new LinkedHashMap<>();
        verdicts.forEach((c, v) -> out.put(c, Map.of("passes", v.passes(), "comment", v.comment())));
        return JSON.writeValueAsString(out);
    }

    static Map<String, Verdict> verdicts(String json) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (var e : JSON.readTree(json).properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), new Verdict(v.path("passes").asBoolean(), v.path("comment").asString("")));
        }
        return out;
    }

    private static Review review(ResultSet rs, int i) throws SQLException {
        return new Review(AgencyCode.of(rs.getString(1)), rs.getInt(2), rs.getString(3), verdicts(rs.getString(4)),
                ReviewState.valueOf(rs.getString(5)), rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9),
                rs.getString(10), instant(rs, 11), rs.getInt(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
