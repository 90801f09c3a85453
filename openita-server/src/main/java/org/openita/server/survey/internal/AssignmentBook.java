package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agencies each assessor reviews in the field: the rows of {@code user_agency_access} of an ASSESSOR account, the
 * same rows {@link org.openita.server.agency.AgencyAccess} reads to decide what the assessor may open (ADR 0031). The
 * central administrator adds and removes them one at a time here, or many at once through {@link AssignmentImport};
 * every change is audited with who made it, the assessor and the agency.
 */
@Service
class AssignmentBook {

    /** Assessors on one page of the list. */
    static final int ASSESSORS_PER_PAGE = 20;
    /** Agencies shown under each assessor on the list; the assessor's own page shows them all, a page at a time. */
    static final int AGENCIES_IN_LIST = 10;
    /** Agencies on one page of one assessor's own page. */
    static final int AGENCIES_PER_PAGE = 100;

    /** Why an assignment was not made or removed; each has its message in Thai and English (messages*.properties). */
    enum Refusal {
        EMPTY_AGENCY, UNKNOWN_AGENCY, EMPTY_ACCOUNT, UNKNOWN_ACCOUNT, NOT_ASSESSOR, ALREADY_ASSIGNED, NOT_ASSIGNED;

        String messageKey() {
            return "assign.refusal." + name().toLowerCase(Locale.ROOT).replace("_", "-");
        }

        /** A conflict with what is stored (409), or input that names nothing (400). */
        boolean conflict() {
            return this == ALREADY_ASSIGNED || this == NOT_ASSIGNED;
        }
    }

    /** An agency under an assessor, as the list shows it. */
    record Assigned(String code, String name) {
    }

    /** An assessor account with how many agencies it has and the first of them (or one page of them). */
    record Assessor(String username, String displayName, boolean enabled, int count, List<Assigned> agencies) {
    }

    /** One page of assessors. */
    record Page(List<Assessor> assessors, int page, int pages, int total) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;

    AssignmentBook(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The assessor accounts whose username or name contains {@code filter} (all when blank), a page at a time. */
    Page assessors(String filter, int page) {
        String like = like(filter);
        int total = jdbc.sql("select count(*) from app_user where role = 'ASSESSOR' and (username ilike :f or display_name ilike :f)")
                .param("f", like).query(Integer.class).single();
        int pages = Math.max(1, (total + ASSESSORS_PER_PAGE - 1) / ASSESSORS_PER_PAGE);
        int p = Math.min(Math.max(1, page), pages);
        List<Assessor> rows = jdbc.sql("select u.username, u.display_name, u.enabled,"
                        + " (select count(*) from user_agency_access a where lower(a.username) = lower(u.username)) as n"
                        + " from app_user u where u.role = 'ASSESSOR' and (u.username ilike :f or u.display_name ilike :f)"
                        + " order by lower(u.username) limit :limit offset :offset")
                .param("f", like).param("limit", ASSESSORS_PER_PAGE).param("offset", (p - 1) * ASSESSORS_PER_PAGE)
                .query((rs, i) -> new Assessor(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), List.of())).list();
        if (rows.isEmpty()) {
            return new Page(rows, p, pages, total);
        }
        Map<String, List<Assigned>> first = new LinkedHashMap<>();
        jdbc.sql("select lower(x.username), x.code, x.name_th from (select a.username, g.code, g.name_th,"
                        + " row_number() over (partition by lower(a.username) order by g.code) as k"
                        + " from user_agency_access a join agency g on g.code = a.agency_code where lower(a.username) in (:names)) x"
                        + " where x.k <= :shown order by x.code")
                .param("names", rows.stream().map(r -> r.username().toLowerCase(Locale.ROOT)).toList()).param("shown", AGENCIES_IN_LIST)
                .query((rs, i) -> first.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Assigned(rs.getString(2), rs.getString(3))))
                .list();
        List<Assessor> out = rows.stream().map(r -> new Assessor(r.username(), r.displayName(), r.enabled(), r.count(),
                first.getOrDefault(r.username().toLowerCase(Locale.ROOT), List.of()))).toList();
        return new Page(out, p, pages, total);
    }

    /** One assessor with one page of their agencies; empty when the account is not an assessor. */
    Optional<Page> assessor(String username, int page) {
        Optional<UserAccounts.Account> account = accounts.find(username).filter(a -> a.role() == Role.ASSESSOR);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        UserAccounts.Account a = account.get();
        int count = jdbc.sql("select count(*) from user_agency_access where lower(username) = lower(?)").param(a.username())
                .query(Integer.class).single();
        int pages = Math.max(1, (count + AGENCIES_PER_PAGE - 1) / AGENCIES_PER_PAGE);
        int p = Math.min(Math.max(1, page), pages);
        List<Assigned> agencies = jdbc.sql("select g.code, g.name_th from user_agency_access x join agency g on g.code = x.agency_code"
                        + " where lower(x.username) = lower(?) order by g.code limit ? offset ?")
                .params(a.username(), AGENCIES_PER_PAGE, (p - 1) * AGENCIES_PER_PAGE)
                .query((rs, i) -> new Assigned(rs.getString(1), rs.getString(2))).list();
        return Optional.of(new Page(List.of(new Assessor(a.username(), a.displayName(), a.enabled(), count, agencies)), p, pages, 1));
    }

    /** The name of a registered agency, or empty. */
    Optional<String> agencyName(String code) {
        return AgencyCode.parse(code).flatMap(c -> jdbc.sql("select name_th from agency where code = ?").param(c.value())
                .query(String.class).optional());
    }

    /** Whether the assessor has the agency. */
    boolean assigned(String username, String code) {
        return jdbc.sql("select count(*) from user_agency_access where lower(username) = lower(?) and agency_code = ?")
                .params(username, code).query(Integer.class).single() > 0;
    }

    /** The refusal of an account that is not an assessor's, or empty; on success {@code found} receives the stored username. */
    Optional<Refusal> checkAccount(String username, java.util.function.Consumer<String> found) {
        if (username == null || username.isBlank()) {
            return Optional.of(Refusal.EMPTY_ACCOUNT);
        }
        Optional<UserAccounts.Account> a = accounts.find(username.strip());
        if (a.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_ACCOUNT);
        }
        if (a.get().role() != Role.ASSESSOR) {
            return Optional.of(Refusal.NOT_ASSESSOR);
        }
        found.accept(a.get().username());
        return Optional.empty();
    }

    /** Gives the assessor the agency, or says why not (nothing is changed then). */
    @Transactional
    Optional<Refusal> assign(String actor, String username, String agencyCode) {
        String code = agencyCode == null ? "" : agencyCode.strip();
        if (code.isEmpty()) {
            return Optional.of(Refusal.EMPTY_AGENCY);
        }
        if (agencyName(code).isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_AGENCY);
        }
        String[] stored = new String[1];
        Optional<Refusal> refusal = checkAccount(username, u -> stored[0] = u);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (assigned(stored[0], code)) {
            return Optional.of(Refusal.ALREADY_ASSIGNED);
        }
        // the primary key decides between two administrators adding the same pair at once
        int added = jdbc.sql("insert into user_agency_access (username, agency_code) values (?, ?) on conflict do nothing")
                .params(stored[0], code).update();
        if (added == 0) {
            return Optional.of(Refusal.ALREADY_ASSIGNED);
        }
        audit.record(actor, "ASSESSOR_AGENCY_ASSIGNED", "user:" + stored[0], null, Map.of("assessor", stored[0], "agency", code));
        return Optional.empty();
    }

    /** Takes the agency from the assessor, or says why not. */
    @Transactional
    Optional<Refusal> remove(String actor, String username, String agencyCode) {
        String code = agencyCode == null ? "" : agencyCode.strip();
        String[] stored = new String[1];
        Optional<Refusal> refusal = checkAccount(username, u -> stored[0] = u);
        if (refusal.isPresent()) {
            return refusal;
        }
        int removed = jdbc.sql("delete from user_agency_access where lower(username) = lower(?) and agency_code = ?")
                .params(stored[0], code).update();
        if (removed == 0) {
            return Optional.of(Refusal.NOT_ASSIGNED);
        }
        audit.record(actor, "ASSESSOR_AGENCY_UNASSIGNED", "user:" + stored[0], Map.of("assessor", stored[0], "agency", code), null);
        return Optional.empty();
    }

    private static String like(String s) {
        return s == null || s.isBlank() ? "%" : "%" + s.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
