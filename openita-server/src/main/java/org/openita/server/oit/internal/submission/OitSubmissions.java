package org.openita.server.oit.internal.submission;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.oit.internal.queue.LinkChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an agency submits for each OIT item: a working copy (links and a note) saved as a draft, and the copy last
 * submitted, which is what the assessor judges. Each save and submission is audited with what it replaced, and two
 * people saving the same item cannot overwrite each other (a version check).
 */
@Service
class OitSubmissions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An item as the agency has it: the working copy and, once submitted, the submitted copy. */
    record Entry(String itemCode, State state, List<String> links, String note, Instant savedAt, String savedBy,
                 Instant submittedAt, String submittedBy, List<String> submittedLinks, String submittedNote, int version) {

        static Entry none(String itemCode) {
            return new Entry(itemCode, State.NONE, List.of(), "", null, null, null, null, List.of(), null, 0);
        }
    }

    /**
     * NONE: nothing saved; DRAFT: saved, never submitted; SUBMITTED: submitted and unchanged since; CHANGED: submitted,
     * then changed and saved without submitting again (the assessor still sees the submitted copy).
     */
    enum State { NONE, DRAFT, SUBMITTED, CHANGED }

    /** What a save or a submission did. */
    sealed interface Outcome {
        record Done(int version) implements Outcome {
        }

        /** Someone saved the item after this person opened it: nothing is written. */
        record Stale(Entry current) implements Outcome {
        }

        record Invalid(List<OitLinks.Problem> problems) implements Outcome {
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final LinkChecks checks;

    OitSubmissions(JdbcClient jdbc, AuditTrail audit, LinkChecks checks) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.checks = checks;
    }

    /** Every item the agency has saved in the year, by item code. */
    Map<String, Entry> all(AgencyCode agency, FiscalYear year) {
        Map<String, Entry> out = new LinkedHashMap<>();
        jdbc.sql(SELECT + " where s.agency_code = ? and s.fiscal_year = ?").params(agency.value(), year.buddhistEra())
                .query((rs, i) -> entry(rs)).list().forEach(e -> out.put(e.itemCode(), e));
        return out;
    }

    Entry one(AgencyCode agency, FiscalYear year, String itemCode) {
        return find(agency, year, itemCode).orElse(Entry.none(itemCode));
    }

    private Optional<Entry> find(AgencyCode agency, FiscalYear year, String itemCode) {
        return jdbc.sql(SELECT + " where s.agency_code = ? and s.fiscal_year = ? and s.item_code = ?")
                .params(agency.value(), year.buddhistEra(), itemCode).query((rs, i) -> entry(rs)).optional();
    }

    private static final String SELECT = "select s.item_code, s.state, cast(s.links as text), s.note, s.saved_at, s.saved_by, s.submitted_at,"
            + " s.submitted_by, s.submitted_note, s.version, (select coalesce(json_agg(l.url order by l.position), '[]') from oit_submitted_link l"
            + " where l.agency_code = s.agency_code and l.fiscal_year = s.fiscal_year and l.item_code = s.item_code)"
            + " from oit_submission s";

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> links = strings(rs.getString(3));
        List<String> submitted = strings(rs.getString(11));
        String note = Objects.requireNonNullElse(rs.getString(4), "");
        Instant submittedAt = instant(rs.getObject(7, OffsetDateTime.class));
        State state;
        if (submittedAt == null) {
            state = State.DRAFT;
        } else if (links.equals(submitted) && note.equals(Objects.requireNonNullElse(rs.getString(9), ""))) {
            state = State.SUBMITTED;
        } else {
            state = State.CHANGED;
        }
        return new Entry(rs.getString(1), state, links, note, instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6),
                submittedAt, rs.getString(8), submitted, rs.getString(9), rs.getInt(10));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        JSON.readTree(json).forEach(n -> out.add(n.asString()));
        return List.copyOf(out);
    }

    /**
     * Saves the working copy; with {@code submit} it also becomes the submitted copy. {@code version} is the one the
     * person's form was opened with (0 for an item never saved).
     */
    @Transactional
    Outcome save(String actor, AgencyCode agency, FiscalYear year, String itemCode, String linksText, String note, int version,
                 boolean submit) {
        OitLinks.Read read = OitLinks.read(linksText);
        List<OitLinks.Problem> problems = new ArrayList<>(read.problems());
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > OitLinks.NOTE_LONGEST) {
            problems.add(new OitLinks.Problem(0, "หมายเหตุยาวเกิน " + OitLinks.NOTE_LONGEST + " ตัวอักษร",
                    "the note is longer than " + OitLinks.NOTE_LONGEST + " characters"));
        }
        if (submit && read.ok() && read.links().isEmpty()) {
            problems.add(new OitLinks.Problem(0, "ใส่ลิงก์อย่างน้อยหนึ่งลิงก์ก่อนส่ง", "give at least one link before submitting"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        List<String> links = read.links().stream().map(URI::toString).toList();
        Optional<Entry> before = jdbc.sql(SELECT + " where s.agency_code = ? and s.fiscal_year = ? and s.item_code = ? for update of s")
                .params(agency.value(), year.buddhistEra(), itemCode).query((rs, i) -> entry(rs)).optional();
        int current = before.map(Entry::version).orElse(0);
        if (current != version) {
            return new Outcome.Stale(before.orElse(Entry.none(itemCode)));
        }
        String linksJson = JSON.writeValueAsString(links);
        int written;
        if (before.isEmpty()) {
            written = jdbc.sql("insert into oit_submission (agency_code, fiscal_year, item_code, links, note, saved_by, version)"
                            + " values (?, ?, ?, cast(? as jsonb), ?, ?, 1) on conflict do nothing")
                    .params(agency.value(), year.buddhistEra(), itemCode, linksJson, cleanNote, actor).update();
        } else {
            written = jdbc.sql("update oit_submission set links = cast(? as jsonb), note = ?, saved_at = now(), saved_by = ?,"
                            + " version = version + 1 where agency_code = ? and fiscal_year = ? and item_code = ? and version = ?")
                    .params(linksJson, cleanNote, actor, agency.value(), year.buddhistEra(), itemCode, version).update();
        }
        if (written == 0) {
            // another save of the same item won the race
            return new Outcome.Stale(one(agency, year, itemCode));
        }
        if (submit) {
            jdbc.sql("update oit_submission set state = 'SUBMITTED', submitted_at = now(), submitted_by = ?, submitted_note = ?"
                            + " where agency_code = ? and fiscal_year = ? and item_code = ?")
                    .params(actor, cleanNote, agency.value(), year.buddhistEra(), itemCode).update();
            jdbc.sql("delete from oit_submitted_link where agency_code = ? and fiscal_year = ? and item_code = ?")
                    .params(agency.value(), year.buddhistEra(), itemCode).update();
            for (int i = 0; i < links.size(); i++) {
                jdbc.sql("insert into oit_submitted_link (agency_code, fiscal_year, item_code, position, url) values (?, ?, ?, ?, ?)")
                        .params(agency.value(), year.buddhistEra(), itemCode, i + 1, links.get(i)).update();
            }
            checks.enqueue(agency, year, itemCode, read.links(), LinkChecks.Reason.SUBMITTED);
        } else {
            // only links not checked yet, or changed: a link already checked is re-checked on the schedule
            Map<String, LinkChecks.LinkCheck> latest = checks.latest(agency, year, itemCode);
            List<URI> fresh = read.links().stream().filter(u -> !latest.containsKey(u.toString())).toList();
            if (!fresh.isEmpty()) {
                checks.enqueue(agency, year, itemCode, fresh, LinkChecks.Reason.SAVED);
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("links", links);
        after.put("note", cleanNote);
        after.put("submitted", submit);
        audit.record(actor, submit ? "OIT_SUBMITTED" : "OIT_SAVED", "oit:" + agency.value() + "/" + year.buddhistEra() + "/" + itemCode,
                before.<Map<String, ?>>map(b -> Map.of("links", b.links(), "note", b.note(), "state", b.state().name())).orElse(null), after);
        return new Outcome.Done(current + 1);
    }
}
