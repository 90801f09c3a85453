package org.openita.server.measures;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.thai.ThaiFormat;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's measures for an assessment year: the plan (started from the analysis engine's drafts or
 * from nothing), every change checked and written to the audit trail, progress updates, milestones, and
 * the reminders the agency administrator sees. Edits carry the version they were made on; an edit of a
 * copy someone else has changed since is refused with a message rather than written over it.
 */
@Service
public class MeasurePlans {

    /** A problem with what was typed: the form field, and the reason in Thai and English. */
    public record Problem(String field, String th, String en) {
    }

    /** The plan of an agency for an assessment year. */
    public record Plan(String agencyCode, int year, Instant confirmedAt, String confirmedBy, Instant publishedAt, List<Measure> measures) {
        public boolean confirmed() {
            return confirmedAt != null;
        }

        public boolean published() {
            return publishedAt != null;
        }
    }

    /** Something due or overdue that the agency administrator should act on. */
    public record Reminder(int year, long measureId, String measure, String kind, LocalDate date, String milestone) {
    }

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 4000;
    /** A framework has at most 43 OIT items; a measure names some of them. */
    static final int MAX_OIT_ITEMS = 100;
    static final int MAX_MILESTONES = 50;
    static final int DUE_SOON_DAYS = 30;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FrameworkCatalog frameworks;
    private final Clock clock;

    MeasurePlans(JdbcClient jdbc, AuditTrail audit, FrameworkCatalog frameworks, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    /** Today in Asia/Bangkok by the server's clock. */
    LocalDate today() {
        return CycleService.today(clock);
    }

    public Optional<Plan> plan(String code, int year) {
        return jdbc.sql("select confirmed_at, confirmed_by, published_at from measure_plan where agency_code = ? and fiscal_year = ?")
                .params(code, year).query((rs, n) -> new Plan(code, year, instant(rs, 1), rs.getString(2), instant(rs, 3), measures(code, year)))
                .optional();
    }

    /** The plan, or an empty unconfirmed one. */
    public Plan planOrEmpty(String code, int year) {
        return plan(code, year).orElse(new Plan(code, year, null, null, null, List.of()));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private List<Measure> measures(String code, int year) {
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
        LocalDate today = today();
        return jdbc.sql("select id, position, title, steps, unit, owner, starts_on, due_on, addresses, oit_items, status, version, success from measure"
                        + " where agency_code = ? and fiscal_year = ? order by position, id").params(code, year)
                .query((rs, n) -> Measure.asOf(today, rs.getLong(1), rs.getInt(2), rs.getString(3), lines(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                        codes(rs.getString(10)), MeasureStatus.valueOf(rs.getString(11)), rs.getInt(12),
                        milestones.getOrDefault(rs.getLong(1), List.of()), progress.getOrDefault(rs.getLong(1), List.of()), rs.getString(13)))
                .list();
    }

    public Optional<Measure> measure(String code, int year, long id) {
        return measures(code, year).stream().filter(m -> m.id() == id).findFirst();
    }

    private static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\\R")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static List<String> codes(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("[,\\s]+")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private void ensurePlan(String code, int year) {
        jdbc.sql("insert into measure_plan (agency_code, fiscal_year) values (?, ?) on conflict do nothing").params(code, year).update();
    }

    /** Starts the plan from the engine's drafts, unless it already has measures. Returns how many were added. */
    @Transactional
    public int startFromDrafts(String actor, String code, int year, List<DraftMeasure> drafts, int measuresYear) {
        ensurePlan(code, year);
        jdbc.sql("select 1 from measure_plan where agency_code = ? and fiscal_year = ? for update").params(code, year).query().listOfRows();
        if (!measures(code, year).isEmpty()) {
            return 0;
        }
        LocalDate yearStart = LocalDate.of(measuresYear - 543 - 1, 10, 1);
        int position = 0;
        for (DraftMeasure d : drafts) {
            position++;
            // a draft starts where the analysis placed it (never before today); older drafts at the start of the year
            LocalDate start = d.startDate() != null ? d.startDate() : yearStart;
            long id = insert(code, year, position, d.measure().th(), d.steps().stream().map(LocalizedText::th).collect(Collectors.joining("\n")),
                    d.unit(), "", start, d.dueDate(), d.addresses().th(), "", d.success() == null ? null : d.success().th());
            if (d.progressDate() != null) {
                jdbc.sql("insert into measure_milestone (measure_id, label, due_on) values (?, ?, ?)")
                        .params(id, "รายงานความก้าวหน้า", d.progressDate()).update();
            }
            audit.record(actor, "MEASURE_CREATED", subject(code, year, id), null, Map.of("title", d.measure().th(), "from", "draft"));
        }
        return position;
    }

    private long insert(String code, int year, int position, String title, String steps, String unit, String owner, LocalDate start,
                        LocalDate due, String addresses, String oit, String success) {
        return jdbc.sql("insert into measure (agency_code, fiscal_year, position, title, steps, unit, owner, starts_on, due_on, addresses, oit_items, success)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(code, year, position, title, steps, blankToNull(unit), blankToNull(owner), start, due, addresses, oit, success)
                .query(Long.class).single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String subject(String code, int year, long id) {
        return "measure:" + code + "/" + year + "/" + id;
    }

    /** The checked fields of a form, or the problems with it. */
    private record Checked(String title, String steps, String unit, String owner, LocalDate start, LocalDate due, String addresses,
                           List<String> oit, List<Object[]> milestones, String success) {
    }

    private Checked check(int year, MeasureForm f, List<Problem> problems) {
        String title = f.getTitle().strip();
        if (title.isEmpty()) {
            problems.add(new Problem("title", "กรุณาใส่ชื่อมาตรการ", "the measure needs a title"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new Problem("title", "ชื่อมาตรการยาวเกิน " + MAX_TITLE + " ตัวอักษร", "the title is longer than " + MAX_TITLE + " characters"));
        }
        for (String[] field : new String[][] {{"steps", f.getSteps(), "ขั้นตอน", "steps"}, {"addresses", f.getAddresses(), "ประเด็นที่แก้ไข", "what it addresses"},
                {"unit", f.getUnit(), "หน่วยงานที่รับผิดชอบ", "responsible unit"}, {"owner", f.getOwner(), "ผู้รับผิดชอบ", "owner"},
                {"success", f.getSuccess(), "ตัวชี้วัดความสำเร็จ", "success indicator"}}) {
            if (field[1].length() > MAX_TEXT) {
                problems.add(new Problem(field[0], field[2] + " ยาวเกิน " + MAX_TEXT + " ตัวอักษร", field[3] + " is longer than " + MAX_TEXT + " characters"));
            }
        }
        LocalDate start = date("startsOn", f.getStartsOn(), problems);
        LocalDate due = date("dueOn", f.getDueOn(), problems);
        if (start != null && due != null && due.isBefore(start)) {
            problems.add(new Problem("dueOn", "วันแล้วเสร็จต้องไม่ก่อนวันเริ่ม", "the due date is before the start date"));
        }
        List<String> oit = codes(f.getOitItems());
        Set<String> known = frameworks.active(year).map(FrameworkDefinition::oitItems).orElse(List.of()).stream()
                .map(OitItem::code).collect(Collectors.toSet());
        if (oit.size() > MAX_OIT_ITEMS) {
            // one problem, not one for each of thousands of codes
            problems.add(new Problem("oitItems", "ระบุข้อ OIT ได้ไม่เกิน " + MAX_OIT_ITEMS + " ข้อ", "at most " + MAX_OIT_ITEMS + " OIT items"));
        } else {
            for (String c : oit) {
                if (!known.contains(c)) {
                    problems.add(new Problem("oitItems", "ไม่มีข้อ OIT \"" + shown(c) + "\" ในเกณฑ์ปี " + year, "no OIT item \"" + shown(c) + "\" in the " + year + " framework"));
                }
            }
        }
        List<Object[]> milestones = new ArrayList<>();
        int rows = Math.max(f.getMilestoneLabel().size(), f.getMilestoneDue().size());
        if (rows > MAX_MILESTONES) {
            problems.add(new Problem("milestones", "การติดตามผลมีได้ไม่เกิน " + MAX_MILESTONES + " ข้อ", "at most " + MAX_MILESTONES + " milestones"));
            rows = 0;
        }
        for (int i = 0; i < rows; i++) {
            // a list bound from milestoneLabel[1] alone has no item 0: a gap is an empty milestone
            String label = i < f.getMilestoneLabel().size() ? java.util.Objects.toString(f.getMilestoneLabel().get(i), "").strip() : "";
            String dueText = i < f.getMilestoneDue().size() ? java.util.Objects.toString(f.getMilestoneDue().get(i), "").strip() : "";
            if (label.isEmpty() && dueText.isEmpty()) {
                continue;
            }
            String field = "milestone" + (i + 1);
            if (label.isEmpty() || dueText.isEmpty()) {
                problems.add(new Problem(field, "การติดตามผลข้อที่ " + (i + 1) + " ต้องมีทั้งหัวข้อและวันที่", "milestone " + (i + 1) + " needs both a label and a date"));
                continue;
            }
            if (label.length() > 300) {
                problems.add(new Problem(field, "หัวข้อการติดตามผลยาวเกิน 300 ตัวอักษร", "the milestone label is longer than 300 characters"));
                continue;
            }
            LocalDate d = date(field, dueText, problems);
            if (d != null) {
                milestones.add(new Object[] {label, d});
            }
        }
        return new Checked(title, String.join("\n", lines(f.getSteps())), f.getUnit(), f.getOwner(), start, due, f.getAddresses().strip(), oit, milestones, f.getSuccess().strip());
    }

    /** What was typed, as a problem quotes it: short, with control characters spelled out. */
    private static String shown(String text) {
        return org.openita.server.web.TextInput.quote(text, 60);
    }

    private static LocalDate date(String field, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(ThaiFormat.toArabicDigits(text.strip()));
            if (d.getYear() < 1950 || d.getYear() > 2200) {
                problems.add(new Problem(field, "วันที่ \"" + shown(text) + "\" อยู่นอกช่วงที่รับได้ (ใช้ปี ค.ศ. ในรูปแบบ ปปปป-ดด-วว)",
                        "the date \"" + shown(text) + "\" is out of range (use yyyy-mm-dd, Gregorian year)"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "วันที่ \"" + shown(text) + "\" อ่านไม่ได้ ใช้รูปแบบ ปปปป-ดด-วว", "the date \"" + shown(text) + "\" cannot be read; use yyyy-mm-dd"));
            return null;
        }
    }

    /** Adds a measure at the end of the plan; returns its id, or the problems. */
    @Transactional
    public Result create(String actor, String code, int year, MeasureForm f) {
        List<Problem> problems = new ArrayList<>();
        Checked c = check(year, f, problems);
        if (!problems.isEmpty()) {
            return Result.problems(problems);
        }
        ensurePlan(code, year);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from measure where agency_code = ? and fiscal_year = ?")
                .params(code, year).query(Integer.class).single();
        long id = insert(code, year, position, c.title(), c.steps(), c.unit(), c.owner(), c.start(), c.due(), c.addresses(), String.join(",", c.oit()), blankToNull(c.success()));
        writeMilestones(id, c.milestones(), Map.of());
        audit.record(actor, "MEASURE_CREATED", subject(code, year, id), null, describe(c));
        return Result.ok(id);
    }

    /** The outcome of a change: the measure's id, or problems, or a conflict with someone else's change. */
    public record Result(Long id, List<Problem> problems, boolean conflict) {
        static Result ok(long id) {
            return new Result(id, List.of(), false);
        }

        static Result problems(List<Problem> p) {
            return new Result(null, List.copyOf(p), false);
        }

        static Result conflicted() {
            return new Result(null, List.of(new Problem("version", "มีผู้อื่นแก้ไขมาตรการนี้หลังจากที่คุณเปิดหน้านี้ กรุณาโหลดหน้าใหม่แล้วแก้ไขอีกครั้ง",
                    "someone else changed this measure after you opened it; reload the page and make your change again")), true);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    @Transactional
    public Result update(String actor, String code, int year, long id, MeasureForm f) {
        Measure before = measure(code, year, id).orElse(null);
        if (before == null) {
            return null;
        }
        boolean wasConfirmed = confirmedWithThePlan(code, year, id);
        List<Problem> problems = new ArrayList<>();
        Checked c = check(year, f, problems);
        if (!problems.isEmpty()) {
            return Result.problems(problems);
        }
        int changed = jdbc.sql("update measure set title = ?, steps = ?, unit = ?, owner = ?, starts_on = ?, due_on = ?, addresses = ?, oit_items = ?, success = ?,"
                        + " version = version + 1, updated_at = now() where id = ? and agency_code = ? and fiscal_year = ? and version = ?")
                .params(c.title(), c.steps(), blankToNull(c.unit()), blankToNull(c.owner()), c.start(), c.due(), c.addresses(),
                        String.join(",", c.oit()), blankToNull(c.success()), id, code, year, f.getVersion()).update();
        if (changed == 0) {
            return Result.conflicted();
        }
        Map<String, LocalDate> reached = new HashMap<>();
        before.milestones().forEach(m -> {
            if (m.reachedOn() != null) {
                reached.put(m.label() + "|" + m.dueOn(), m.reachedOn());
            }
        });
        jdbc.sql("delete from measure_milestone where measure_id = ?").param(id).update();
        writeMilestones(id, c.milestones(), reached);
        audit.record(actor, "MEASURE_UPDATED", subject(code, year, id), describe(before), describe(c));
        if (wasConfirmed) {
            reopen(actor, code, year);
        }
        return Result.ok(id);
    }

    private void writeMilestones(long id, List<Object[]> milestones, Map<String, LocalDate> reached) {
        for (Object[] m : milestones) {
            jdbc.sql("insert into measure_milestone (measure_id, label, due_on, reached_on) values (?, ?, ?, ?)")
                    .params(id, m[0], m[1], reached.get(m[0] + "|" + m[1])).update();
        }
    }

    @Transactional
    public boolean delete(String actor, String code, int year, long id) {
        Measure before = measure(code, year, id).orElse(null);
        if (before == null) {
            return false;
        }
        boolean wasConfirmed = confirmedWithThePlan(code, year, id);
        jdbc.sql("delete from measure where id = ? and agency_code = ? and fiscal_year = ?").params(id, code, year).update();
        audit.record(actor, "MEASURE_DELETED", subject(code, year, id), describe(before), null);
        if (wasConfirmed) {
            reopen(actor, code, year);
        }
        return true;
    }

    /**
     * Records progress on a measure: its new status, a note (the reason, when dropped), evidence links
     * (http or https, one per line) and the milestones reached.
     */
    @Transactional
    public Result recordProgress(String actor, String code, int year, long id, String statusText, String note, String evidence,
                                 List<Long> reachedMilestones) {
        Measure m = measure(code, year, id).orElse(null);
        if (m == null) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        MeasureStatus status = null;
        try {
            status = MeasureStatus.valueOf(statusText == null ? "" : statusText.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("status", "กรุณาเลือกสถานะ: ยังไม่เริ่ม อยู่ระหว่างดำเนินการ แล้วเสร็จ หรือยกเลิก",
                    "choose a status: NOT_STARTED, IN_PROGRESS, DONE or DROPPED"));
        }
        String text = note == null ? "" : note.strip();
        if (status == MeasureStatus.DROPPED && text.isEmpty()) {
            problems.add(new Problem("note", "การยกเลิกมาตรการต้องระบุเหตุผล", "dropping a measure needs a reason in the note"));
        }
        if (text.length() > MAX_TEXT) {
            problems.add(new Problem("note", "บันทึกยาวเกิน " + MAX_TEXT + " ตัวอักษร", "the note is longer than " + MAX_TEXT + " characters"));
        }
        List<String> links = lines(evidence);
        for (String link : links.size() > 20 ? List.<String>of() : links) {
            if (!isWebLink(link)) {
                problems.add(new Problem("evidence", "ลิงก์หลักฐาน \"" + shown(link) + "\" ต้องขึ้นต้นด้วย http:// หรือ https://",
                        "evidence link \"" + shown(link) + "\" must start with http:// or https://"));
            }
        }
        if (links.size() > 20) {
            problems.add(new Problem("evidence", "ใส่ลิงก์หลักฐานได้ไม่เกิน 20 ลิงก์ต่อครั้ง", "at most 20 evidence links per update"));
        }
        Set<Long> own = m.milestones().stream().map(Measure.Milestone::id).collect(Collectors.toSet());
        List<Long> reached = reachedMilestones == null ? List.of() : reachedMilestones;
        if (!own.containsAll(reached)) {
            problems.add(new Problem("milestones", "การติดตามผลที่เลือกไม่ใช่ของมาตรการนี้", "a chosen milestone does not belong to this measure"));
        }
        if (!problems.isEmpty()) {
            return Result.problems(problems);
        }
        LocalDate today = today();
        jdbc.sql("insert into measure_progress (measure_id, recorded_on, recorded_by, status, note, evidence) values (?, ?, ?, ?, ?, ?)")
                .params(id, today, actor, status.name(), text, String.join("\n", links)).update();
        jdbc.sql("update measure set status = ?, version = version + 1, updated_at = now() where id = ?").params(status.name(), id).update();
        for (Long r : reached) {
            jdbc.sql("update measure_milestone set reached_on = ? where id = ? and reached_on is null").params(today, r).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("note", text);
        after.put("evidence", links);
        after.put("milestonesReached", reached);
        audit.record(actor, "MEASURE_PROGRESS", subject(code, year, id), Map.of("status", m.status().name()), after);
        return Result.ok(id);
    }

    static boolean isWebLink(String s) {
        try {
            URI u = new URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Confirms the plan: from now on the reports print these measures instead of the drafts. */
    @Transactional
    /** Whether this measure was part of the plan when the agency confirmed it. */
    private boolean confirmedWithThePlan(String code, int year, long id) {
        return jdbc.sql("select count(*) from measure m join measure_plan p on p.agency_code = m.agency_code and p.fiscal_year = m.fiscal_year"
                        + " where m.id = ? and m.agency_code = ? and m.fiscal_year = ? and p.confirmed_at is not null and m.created_at <= p.confirmed_at")
                .params(id, code, year).query(Long.class).single() > 0;
    }

    /**
     * Editing or removing a measure the agency confirmed returns the plan to unconfirmed: what the analysis report
     * and the public see is always what the agency confirmed, so the change waits until the agency confirms again.
     * Measures added after confirming are simply not shown until then ({@link #confirmedPlan}); recording
     * progress changes no plan.
     */
    private void reopen(String actor, String code, int year) {
        if (jdbc.sql("update measure_plan set confirmed_at = null, confirmed_by = null where agency_code = ? and fiscal_year = ?"
                + " and confirmed_at is not null").params(code, year).update() > 0) {
            audit.record(actor, "MEASURES_REOPENED", "measures:" + code + "/" + year, null, null);
        }
    }

    public void confirm(String actor, String code, int year) {
        ensurePlan(code, year);
        jdbc.sql("update measure_plan set confirmed_at = now(), confirmed_by = ? where agency_code = ? and fiscal_year = ?")
                .params(actor, code, year).update();
        audit.record(actor, "MEASURES_CONFIRMED", "measures:" + code + "/" + year, null,
                Map.of("measures", measures(code, year).stream().map(Measure::title).toList()));
    }

    /** Publishes the agency's page for the year (or withdraws it). */
    @Transactional
    public void publish(String actor, String code, int year, boolean publish) {
        ensurePlan(code, year);
        jdbc.sql("update measure_plan set published_at = " + (publish ? "now()" : "null") + ", published_by = ? where agency_code = ? and fiscal_year = ?")
                .params(publish ? actor : null, code, year).update();
        audit.record(actor, publish ? "RESULTS_PUBLISHED" : "RESULTS_WITHDRAWN", "public:" + code + "/" + year, null, null);
    }

    public boolean published(String code, int year) {
        return jdbc.sql("select count(*) from measure_plan where agency_code = ? and fiscal_year = ? and published_at is not null")
                .params(code, year).query(Integer.class).single() > 0;
    }

    /** The confirmed measures in the form the analysis report prints them, or empty when the plan is not confirmed. */
    public Optional<List<DraftMeasure>> confirmedMeasures(String code, int year) {
        return confirmedPlan(code, year).map(p -> reportMeasures(p.measures()));
    }

    /**
     * Measures in the form the analysis report prints them: the responsible unit, followed by the owner in
     * brackets when the measure has one (a public copy has none: see publication's PublicView).
     */
    public static List<DraftMeasure> reportMeasures(List<Measure> measures) {
        return measures.stream().map(m -> new DraftMeasure(
                LocalizedText.of(m.title(), m.title()), m.steps().stream().map(s -> LocalizedText.of(s, s)).toList(),
                responsible(m),
                LocalizedText.of(m.addresses(), m.addresses()),
                firstMilestoneWhileRunning(m), m.dueOn(),
                m.success() == null || m.success().isBlank() ? null : LocalizedText.of(m.success(), m.success()), m.startsOn(), null)).toList();
    }

    /**
     * The first milestone that falls while the measure runs (not before its start month, not after its due date):
     * the report prints it as the measure's progress date; one set outside those months is not printed.
     */
    private static LocalDate firstMilestoneWhileRunning(Measure m) {
        java.time.YearMonth start = m.startsOn() == null ? null : java.time.YearMonth.from(m.startsOn());
        return m.milestones().stream().map(Measure.Milestone::dueOn)
                .filter(d -> start == null || !java.time.YearMonth.from(d).isBefore(start))
                .filter(d -> m.dueOn() == null || !d.isAfter(m.dueOn()))
                .findFirst().orElse(null);
    }

    private static String responsible(Measure m) {
        String unit = m.unit() == null ? "" : m.unit().strip();
        if (m.owner() == null || m.owner().isBlank()) {
            return unit;
        }
        return unit.isEmpty() ? m.owner().strip() : unit + " (" + m.owner().strip() + ")";
    }

    /**
     * The plan as it was confirmed: empty when it is not confirmed; otherwise without the measures added since
     * the confirmation, which the agency has not confirmed yet (confirming again takes them in).
     */
    public Optional<Plan> confirmedPlan(String code, int year) {
        return plan(code, year).filter(Plan::confirmed).map(p -> {
            Set<Long> confirmed = new java.util.HashSet<>(jdbc.sql("select m.id from measure m join measure_plan p"
                            + " on p.agency_code = m.agency_code and p.fiscal_year = m.fiscal_year"
                            + " where m.agency_code = ? and m.fiscal_year = ? and m.created_at <= p.confirmed_at")
                    .params(code, year).query(Long.class).list());
            return new Plan(p.agencyCode(), p.year(), p.confirmedAt(), p.confirmedBy(), p.publishedAt(),
                    p.measures().stream().filter(m -> confirmed.contains(m.id())).toList());
        });
    }

    /** What is overdue or due within 30 days across an agency's plans, soonest first. */
    public List<Reminder> reminders(String code, LocalDate today) {
        List<Integer> years = jdbc.sql("select fiscal_year from measure_plan where agency_code = ? order by fiscal_year desc").param(code)
                .query(Integer.class).list();
        List<Reminder> out = new ArrayList<>();
        for (int year : years) {
            for (Measure m : measures(code, year)) {
                if (!m.status().open()) {
                    continue;
                }
                if (m.dueOn() != null && m.dueOn().isBefore(today)) {
                    out.add(new Reminder(year, m.id(), m.title(), "OVERDUE", m.dueOn(), null));
                } else if (m.dueOn() != null && !m.dueOn().isAfter(today.plusDays(DUE_SOON_DAYS))) {
                    out.add(new Reminder(year, m.id(), m.title(), "DUE_SOON", m.dueOn(), null));
                }
                for (Measure.Milestone x : m.milestones()) {
                    if (x.reachedOn() == null && !x.dueOn().isAfter(today.plusDays(DUE_SOON_DAYS))) {
                        out.add(new Reminder(year, m.id(), m.title(), x.dueOn().isBefore(today) ? "MILESTONE_OVERDUE" : "MILESTONE_DUE",
                                x.dueOn(), x.label()));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Reminder::date));
        return out;
    }

    private static Map<String, Object> describe(Checked c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("steps", c.steps());
        m.put("unit", c.unit());
        m.put("owner", c.owner());
        m.put("startsOn", c.start() == null ? null : c.start().toString());
        m.put("dueOn", c.due() == null ? null : c.due().toString());
        m.put("addresses", c.addresses());
        m.put("success", c.success());
        m.put("oitItems", c.oit());
        m.put("milestones", c.milestones().stream().map(x -> x[0] + " " + x[1]).toList());
        return m;
    }

    private static Map<String, Object> describe(Measure x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", x.title());
        m.put("steps", String.join("\n", x.steps()));
        m.put("unit", x.unit());
        m.put("owner", x.owner());
        m.put("startsOn", x.startsOn() == null ? null : x.startsOn().toString());
        m.put("dueOn", x.dueOn() == null ? null : x.dueOn().toString());
        m.put("addresses", x.addresses());
        m.put("success", x.success());
        m.put("oitItems", x.oitItems());
        m.put("status", x.status().name());
        m.put("milestones", x.milestones().stream().map(y -> y.label() + " " + y.dueOn()).toList());
        return m;
    }
}
