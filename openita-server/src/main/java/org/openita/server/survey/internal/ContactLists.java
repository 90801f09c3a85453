package org.openita.server.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact lists of EIT part 2 (ADR 0031): an agency adds to its list of a year (sealed by {@link ContactSeal}) or
 * withdraws it, and sees only how many it gave; an assessor of the agency reads the list and marks what became of each
 * contact; the close of the year's surveys deletes every list of the year ({@link #purge}) and an upload after that is
 * refused. Adding holds a shared lock of the year and the purge an exclusive one, so no list is added while a close
 * deletes the year's lists and survives it. Nothing here writes a person's details to the audit or to a log.
 */
@Component
class ContactLists {

    /** Contacts an agency's list of a year may hold. */
    static final int MOST = 2_000;
    private static final int LOCK_CLASS = 0x0F1E1D;

    /** A contact as an assessor sees it; {@code opened} holds the details unless the row cannot be opened. */
    public record Row(UUID id, int position, ContactKind kind, ContactStatus status, LocalDate statusOn, ContactSeal.Opened opened) {
        public Optional<ContactDetails> details() {
            return opened instanceof ContactSeal.Opened.Open o ? Optional.of(o.details()) : Optional.empty();
        }
    }

    /** What adding did. */
    sealed interface Added {
        record Stored(int added, int total) implements Added {
        }

        /** The year's surveys are over or its lists were deleted at the close: nothing stored. */
        record Closed() implements Added {
        }

        /** No key is configured (an external database): nothing stored. */
        record NoKey() implements Added {
        }

        /** Row problems: nothing stored. */
        record Refused(List<ContactCheck.Problem> problems) implements Added {
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ContactSeal seal;
    private final SurveyWindows windows;
    private final AuditTrail audit;
    private final Clock clock;

    ContactLists(JdbcClient jdbc, PlatformTransactionManager transactions, ContactSeal seal, SurveyWindows windows, AuditTrail audit,
                 Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.seal = seal;
        this.windows = windows;
        this.audit = audit;
        this.clock = clock;
    }

    /** When the year's lists were deleted at the close, if they were (and the year was not reopened since). */
    Optional<OffsetDateTime> purgedAt(int year) {
        return jdbc.sql("select purged_at from field_contact_purge where fiscal_year = ?").param(year).query(OffsetDateTime.class).optional();
    }

    /** How many contacts the year's lists hold, and of how many agencies: what closing the year will delete. */
    int[] held(int year) {
        return jdbc.sql("select count(*), count(distinct agency_code) from field_contact where fiscal_year = ?").param(year)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    /** Whether the agency may add to its list of the year: the year's surveys are not over and its lists not deleted. */
    boolean acceptsUploads(FiscalYear year) {
        return !windows.over(year) && purgedAt(year.buddhistEra()).isEmpty();
    }

    boolean keyAvailable() {
        return seal.available();
    }

    /** How many contacts of each kind the agency's list of the year holds (all kinds, zero included). */
    Map<ContactKind, Integer> counts(AgencyCode agency, FiscalYear year) {
        Map<ContactKind, Integer> out = new EnumMap<>(ContactKind.class);
        for (ContactKind k : ContactKind.values()) {
            out.put(k, 0);
        }
        jdbc.sql("select kind, count(*) from field_contact where fiscal_year = ? and agency_code = ? group by kind")
                .params(year.buddhistEra(), agency.value())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> {
                    try {
                        out.put(ContactKind.valueOf(e.getKey()), e.getValue());
                    } catch (IllegalArgumentException unknown) {
                        out.merge(ContactKind.OTHER, e.getValue(), Integer::sum);
                    }
                });
        return out;
    }

    /** Checks the entries against each other and the list, then seals and stores them all, or none. */
    Added add(AgencyCode agency, FiscalYear year, List<ContactCheck.Entry> entries, ContactCheck check, String actor) {
        Optional<ContactSeal.Key> key;
        try {
            key = seal.key();
        } catch (RuntimeException e) {
            return new Added.NoKey();
        }
        if (key.isEmpty()) {
            return new Added.NoKey();
        }
        return tx.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock_shared(?, ?)").params(LOCK_CLASS, year.buddhistEra()).query(Integer.class).single();
            if (!acceptsUploads(year)) {
                return new Added.Closed();
            }
            jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS + 1, (agency.value() + "|" + year.buddhistEra()).hashCode())
                    .query(Integer.class).single();
            int present = jdbc.sql("select count(*) from field_contact where fiscal_year = ? and agency_code = ?")
                    .params(year.buddhistEra(), agency.value()).query(Integer.class).single();
            List<ContactCheck.Checked> ok = new ArrayList<>();
            List<ContactCheck.Problem> problems = ContactCheck.all(check, entries, ok);
            if (problems.isEmpty() && present + ok.size() > MOST) {
                problems.add(new ContactCheck.Problem(entries.isEmpty() ? 1 : entries.get(0).row(), null,
                        "รายชื่อของปีนี้จะเกิน " + MOST + " รายการ (มีอยู่แล้ว " + present + " รายการ)",
                        "the list of the year would hold more than " + MOST + " contacts (it has " + present + ")"));
            }
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
                return new Added.Refused(problems);
            }
            int next = jdbc.sql("select coalesce(max(position), 0) from field_contact where fiscal_year = ? and agency_code = ?")
                    .params(year.buddhistEra(), agency.value()).query(Integer.class).single();
            Map<String, Integer> kinds = new LinkedHashMap<>();
            for (ContactCheck.Checked c : ok) {
                UUID id = UUID.randomUUID();
                jdbc.sql("insert into field_contact (id, fiscal_year, agency_code, position, kind, sealed, key_id) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(id, year.buddhistEra(), agency.value(), ++next, c.kind().name(),
                                seal.seal(key.get(), c.details(), year.buddhistEra(), agency.value(), id), key.get().id())
                        .update();
                kinds.merge(c.kind().name(), 1, Integer::sum);
            }
            audit.record(actor, "FIELD_CONTACTS_ADDED", subject(agency, year), null,
                    Map.of("year", year.buddhistEra(), "added", ok.size(), "total", present + ok.size(), "kinds", kinds));
            return new Added.Stored(ok.size(), present + ok.size());
        });
    }

    /** The details already on the list, so that a person is not added twice (rows that do not open are left out). */
    List<ContactDetails> existing(AgencyCode agency, FiscalYear year) {
        return rows(agency, year).stream().flatMap(r -> r.details().stream()).toList();
    }

    /** The agency withdraws its list of the year; how many contacts were deleted. */
    int withdraw(AgencyCode agency, FiscalYear year, String actor) {
        return tx.execute(status -> {
            int n = jdbc.sql("delete from field_contact where fiscal_year = ? and agency_code = ?").params(year.buddhistEra(), agency.value()).update();
            if (n > 0) {
                audit.record(actor, "FIELD_CONTACTS_WITHDRAWN", subject(agency, year), Map.of("count", n), Map.of("year", year.buddhistEra(), "count", 0));
            }
            return n;
        });
    }

    /** The agency's list of the year, opened, in the order given: for its assigned assessors only. */
    List<Row> rows(AgencyCode agency, FiscalYear year) {
        int y = year.buddhistEra();
        return jdbc.sql("select id, position, kind, status, status_on, sealed, key_id from field_contact where fiscal_year = ? and agency_code = ? order by position")
                .params(y, agency.value())
                .query((rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    ContactKind kind;
                    try {
                        kind = ContactKind.valueOf(rs.getString(3));
                    } catch (IllegalArgumentException e) {
                        kind = ContactKind.OTHER;
                    }
                    return new Row(id, rs.getInt(2), kind, ContactStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                            seal.open(rs.getBytes(6), rs.getString(7), y, agency.value(), id));
                }).list();
    }

    /** The agency and year of a contact, for the access check before its status is changed. */
    record Owner(AgencyCode agency, FiscalYear year, ContactStatus status) {
    }

    Optional<Owner> owner(UUID id) {
        return jdbc.sql("select agency_code, fiscal_year, status from field_contact where id = ?").param(id)
                .query((rs, i) -> new Owner(AgencyCode.of(rs.getString(1)), FiscalYear.of(rs.getInt(2)), ContactStatus.valueOf(rs.getString(3))))
                .optional();
    }

    /** Marks what became of a contact; audited with the contact's id and the old and new status only. False when gone. */
    boolean mark(UUID id, ContactStatus to, String actor, LocalDate today) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<Owner> before = jdbc.sql("select agency_code, fiscal_year, status from field_contact where id = ? for update").param(id)
                    .query((rs, i) -> new Owner(AgencyCode.of(rs.getString(1)), FiscalYear.of(rs.getInt(2)), ContactStatus.valueOf(rs.getString(3))))
                    .optional();
            if (before.isEmpty()) {
                return false;
            }
            jdbc.sql("update field_contact set status = ?, status_on = ? where id = ?").params(to.name(), today, id).update();
            audit.record(actor, "FIELD_CONTACT_STATUS", "field-contact:" + id, Map.of("status", before.get().status().name()),
                    Map.of("status", to.name(), "agency", before.get().agency().value(), "year", before.get().year().buddhistEra()));
            return true;
        }));
    }

    /**
     * Deletes every contact list of the year, in the caller's transaction (the close), marks the year purged and audits
     * how many contacts each agency's list held. Safe to call again: a year already purged has no rows left.
     *
     * @return how many contacts were deleted
     */
    int purge(int year, String actor) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, year).query(Integer.class).single();
        List<Map.Entry<String, Integer>> byAgency = jdbc.sql("with gone as (delete from field_contact where fiscal_year = ? returning agency_code)"
                        + " select agency_code, count(*) from gone group by agency_code order by agency_code")
                .param(year).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        int total = byAgency.stream().mapToInt(Map.Entry::getValue).sum();
        jdbc.sql("insert into field_contact_purge (fiscal_year, purged_at, rows_purged) values (?, ?, ?) on conflict (fiscal_year)"
                        + " do update set rows_purged = field_contact_purge.rows_purged + excluded.rows_purged")
                .params(year, clock.instant().atOffset(ZoneOffset.UTC), total).update();
        if (!byAgency.isEmpty()) {
            audit.recordAll(actor, "FIELD_CONTACTS_DELETED", byAgency.stream()
                    .map(e -> new AuditTrail.Entry("field-contacts:" + e.getKey() + ":" + year, Map.of("count", e.getValue()),
                            Map.of("year", year, "count", 0, "reason", "SURVEYS_CLOSED")))
                    .toList());
        }
        return total;
    }

    /** The year was reopened: its agencies may give their lists again. In the caller's transaction. */
    void reopened(int year) {
        jdbc.sql("delete from field_contact_purge where fiscal_year = ?").param(year).update();
    }

    private static String subject(AgencyCode agency, FiscalYear year) {
        return "field-contacts:" + agency.value() + ":" + year.buddhistEra();
    }
}
