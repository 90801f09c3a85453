package org.openita.server.measures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.measures.Measure;
import org.openita.server.measures.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The measures tables (measure_plan, measure, measure_milestone, measure_progress), read and written in SQL. */
@Repository
public class MeasureRows {

    /** The plan's own row: when and by whom it was confirmed, if it is. */
    public record PlanRow(Instant confirmedAt, String confirmedBy) {
    }

    private final JdbcClient jdbc;

    MeasureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanRow> plan(AgencyCode code, FiscalYear year) {
        return jdbc.sql("select confirmed_at, confirmed_by from measure_plan where agency_code = ? and fiscal_year = ?")
                .params(code.value(), year.buddhistEra()).query((rs, n) -> new PlanRow(instant(rs, 1), rs.getString(2))).optional();
    }

    /** The assessment years the agency has a plan for, latest first. */
    public List<FiscalYear> planYears(AgencyCode code) {
        return jdbc.sql("select fiscal_year from measure_plan where agency_code = ? order by fiscal_year desc").param(code.value())
                .query(Integer.class).list().stream().map(FiscalYear::of).toList();
    }

    /** The plan's measures in their order, each with its milestones (by date) and progress (oldest first), as read on {@code today}. */
    public List<Measure> measures(AgencyCode agency, FiscalYear fiscalYear, LocalDate today) {
        String code = agency.value();
        int year = fiscalYear.buddhistEra();
        Map<Long, List<Measure.Milestone>> milestones = new HashMap<>();
        jdbc.sql("select x.id, x.measure_id, x.label, x.due_on, x.reached_on from measure_milestone x join measure m on m.id = x.measure_id"
                        + " where m.agency_code = ? and m.fiscal_year = ? order by x.due_on, x.id").params(code, year)
                .query(rs -> {
                    milestones.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Measure.Milestone(rs.getLong(1), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
                });
        Map<Long, List<Measure.Progress>> progress = new HashMap<>();
        jdbc.sql("select p.id, p.measure_id, p.recorded_at, p.recorded_on, p.recorded_by, p.status, p.note, p.evidence from measure_progress p"
                        + " join measure m on m.id = p.measure_id where m.agency_code = ? and m.fiscal_year = ? order by p.id").params(code, year)
                .query(rs -> {
                    progress.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Measure.Progress(rs.getLong(1),
                            rs.getTimestamp(3).toInstant(), rs.getObject(4, LocalDate.class), rs.getString(5),
                            MeasureStatus.valueOf(rs.getString(6)), rs.getString(7), lines(rs.getString(8))));
                });
        return jdbc.sql("select id, position, title, steps, unit, owner, starts_on, due_on, addresses, oit_items, status, version, success from measure"
                        + " where agency_code = ? and fiscal_year = ? order by position, id").params(code, year)
                .query((rs, n) -> Measure.asOf(today, rs.getLong(1), rs.getInt(2), rs.getString(3), lines(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                        codes(rs.getString(10)), MeasureStatus.valueOf(rs.getString(11)), rs.getInt(12),
                        milestones.getOrDefault(rs.getLong(1), List.of()), progress.getOrDefault(rs.getLong(1), List.of()), rs.getString(13)))
                .list();
    }

    /** The ids of the measures that were part of the plan when it was confirmed (none when it is not confirmed). */
    public Set<Long> confirmedIds(AgencyCode code, FiscalYear year) {
        return new HashSet<>(jdbc.sql("select m.id from measure m join measure_plan p on p.agency_code = m.agency_code and p.fiscal_year = m.fiscal_year"
                        + " where m.agency_code = ? and m.fiscal_year = ? and p.confirmed_at is not null and m.created_at <= p.confirmed_at")
                .params(code.value(), year.buddhistEra()).query(Long.class).list());
    }

    /** Whether this measure was part of the plan when the agency confirmed it. */
    public boolean confirmedWithThePlan(AgencyCode code, FiscalYear year, long id) {
        return confirmedIds(code, year).contains(id);
    }

    public void ensurePlan(AgencyCode code, FiscalYear year) {
        jdbc.sql("insert into measure_plan (agency_code, fiscal_year) values (?, ?) on conflict do nothing").params(code.value(), year.buddhistEra()).update();
    }

    /** Holds the plan's row until the transaction ends, so that two people starting from the drafts do not both add them. */
    public void lockPlan(AgencyCode code, FiscalYear year) {
        jdbc.sql("select 1 from measure_plan where agency_code = ? and fiscal_year = ? for update").params(code.value(), year.buddhistEra()).query().listOfRows();
    }

    public int nextPosition(AgencyCode code, FiscalYear year) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from measure where agency_code = ? and fiscal_year = ?")
                .params(code.value(), year.buddhistEra()).query(Integer.class).single();
    }

    public long insert(AgencyCode code, FiscalYear year, int position, CheckedMeasure c) {
        return jdbc.sql("insert into measure (agency_code, fiscal_year, position, title, steps, unit, owner, starts_on, due_on, addresses, oit_items, success)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(code.value(), year.buddhistEra(), position, c.title(), c.steps(), blankToNull(c.unit()), blankToNull(c.owner()), c.start(),
                        c.due(), c.addresses(), String.join(",", c.oit()), blankToNull(c.success()))
                .query(Long.class).single();
    }

    /** Writes the checked fields over the measure if it is still at {@code version}; false when someone changed it since. */
    public boolean update(AgencyCode code, FiscalYear year, long id, int version, CheckedMeasure c) {
        return jdbc.sql("update measure set title = ?, steps = ?, unit = ?, owner = ?, starts_on = ?, due_on = ?, addresses = ?, oit_items = ?, success = ?,"
                        + " version = version + 1, updated_at = now() where id = ? and agency_code = ? and fiscal_year = ? and version = ?")
                .params(c.title(), c.steps(), blankToNull(c.unit()), blankToNull(c.owner()), c.start(), c.due(), c.addresses(),
                        String.join(",", c.oit()), blankToNull(c.success()), id, code.value(), year.buddhistEra(), version).update() > 0;
    }

    /**
     * Replaces the measure's milestones; one with the same label and due date as before keeps the date it was reached.
     */
    public void replaceMilestones(long id, List<CheckedMeasure.Milestone> milestones, List<Measure.Milestone> before) {
        Map<String, LocalDate> reached = new LinkedHashMap<>();
        before.forEach(m -> {
            if (m.reachedOn() != null) {
                reached.put(m.label() + "|" + m.dueOn(), m.reachedOn());
            }
        });
        jdbc.sql("delete from measure_milestone where measure_id = ?").param(id).update();
        for (CheckedMeasure.Milestone m : milestones) {
            jdbc.sql("insert into measure_milestone (measure_id, label, due_on, reached_on) values (?, ?, ?, ?)")
                    .params(id, m.label(), m.due(), reached.get(m.label() + "|" + m.due())).update();
        }
    }

    public void delete(AgencyCode code, FiscalYear year, long id) {
        jdbc.sql("delete from measure where id = ? and agency_code = ? and fiscal_year = ?").params(id, code.value(), year.buddhistEra()).update();
    }

    /** Records progress: a new entry, the measure's status (its version moves on) and the milestones reached today. */
    public void recordProgress(long id, LocalDate today, String actor, MeasureStatus status, String note, List<String> evidence, List<Long> reached) {
        jdbc.sql("insert into measure_progress (measure_id, recorded_on, recorded_by, status, note, evidence) values (?, ?, ?, ?, ?, ?)")
                .params(id, today, actor, status.name(), note, String.join("\n", evidence)).update();
        jdbc.sql("update measure set status = ?, version = version + 1, updated_at = now() where id = ?").params(status.name(), id).update();
        for (Long r : reached) {
            jdbc.sql("update measure_milestone set reached_on = ? where id = ? and reached_on is null").params(today, r).update();
        }
    }

    public void confirm(String actor, AgencyCode code, FiscalYear year) {
        jdbc.sql("update measure_plan set confirmed_at = now(), confirmed_by = ? where agency_code = ? and fiscal_year = ?")
                .params(actor, code.value(), year.buddhistEra()).update();
    }

    /** Returns a confirmed plan to unconfirmed; false when it was not confirmed. */
    public boolean reopen(AgencyCode code, FiscalYear year) {
        return jdbc.sql("update measure_plan set confirmed_at = null, confirmed_by = null where agency_code = ? and fiscal_year = ?"
                + " and confirmed_at is not null").params(code.value(), year.buddhistEra()).update() > 0;
    }

    /** Text split into its non-blank lines, trimmed. */
    public static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\\R")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** OIT codes separated by commas or white space. */
    public static List<String> codes(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("[,\\s]+")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }
}
