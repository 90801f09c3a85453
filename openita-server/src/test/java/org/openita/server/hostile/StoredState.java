package org.openita.server.hostile;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A checksum of what people manage in the database: the registry (with logos and sign-offs), results, measures, cycles, accounts,
 * tokens and the number of audit events. It leaves out what a refused request may rightly change: sign-in and reset counters,
 * sessions, mail waiting to go, and when a row was last written (a registry import rewrites rows it does not change).
 */
final class StoredState {

    private static final String SQL = "select concat_ws(' ',"
            + " (select md5(coalesce(string_agg(concat_ws(',', code, name_th, name_en, agency_type, size, assessment_group, parent_code,"
            + "   province, district, website, staff_count), '|' order by code), '')) from agency),"
            + " (select md5(coalesce(string_agg(concat_ws(',', a.code, u.position, u.name), '|' order by a.code, u.position), ''))"
            + "   from agency_unit u join agency a on a.id = u.agency_id),"
            + " (select md5(coalesce(string_agg(concat_ws(',', agency_code, fiscal_year, cast(input as text)), '|' order by agency_code, fiscal_year), ''))"
            + "   from agency_result),"
            + " (select md5(coalesce(string_agg(concat_ws(',', agency_code, fiscal_year, confirmed_at is not null), '|'"
            + "   order by agency_code, fiscal_year), '')) from measure_plan),"
            + " (select md5(coalesce(string_agg(concat_ws(',', agency_code, fiscal_year, published_at, cast(public_plan as text)), '|'"
            + "   order by agency_code, fiscal_year), '')) from publication),"
            + " (select md5(coalesce(string_agg(concat_ws(',', id, agency_code, fiscal_year, position, title, steps, unit, owner, starts_on, due_on,"
            + "   addresses, oit_items, status, version), '|' order by id), '')) from measure),"
            + " (select md5(coalesce(string_agg(concat_ws(',', id, measure_id, label, due_on, reached_on), '|' order by id), '')) from measure_milestone),"
            + " (select count(*) from measure_progress),"
            + " (select md5(coalesce(string_agg(concat_ws(',', fiscal_year, phase, starts_on, ends_on), '|' order by fiscal_year, phase), '')) from cycle_phase),"
            + " (select md5(coalesce(string_agg(concat_ws(',', username, display_name, password_hash, role, must_change_password, enabled, agency_code, email),"
            + "   '|' order by username), '')) from app_user),"
            + " (select md5(coalesce(string_agg(concat_ws(',', username, agency_code), '|' order by username, agency_code), '')) from user_agency_access),"
            + " (select md5(coalesce(string_agg(concat_ws(',', id, username, label, revoked_at is not null), '|' order by id), '')) from api_token),"
            + " (select md5(coalesce(string_agg(concat_ws(',', a.code, l.sha256, l.width, l.height), '|' order by a.code), ''))"
            + "   from agency_logo l join agency a on a.id = l.agency_id),"
            + " (select md5(coalesce(string_agg(concat_ws(',', a.code, s.role, s.name, s.position), '|' order by a.code, s.role), ''))"
            + "   from agency_signatory s join agency a on a.id = s.agency_id),"
            + " (select count(*) from audit_event))";

    private StoredState() {
    }

    static String of(JdbcClient jdbc) {
        return jdbc.sql(SQL).query(String.class).single();
    }

    /** The results alone, for a run that imports nothing else. */
    static String results(JdbcClient jdbc) {
        return jdbc.sql("select concat_ws(' ', (select md5(coalesce(string_agg(concat_ws(',', agency_code, fiscal_year, cast(input as text)), '|'"
                + " order by agency_code, fiscal_year), '')) from agency_result), (select count(*) from audit_event))").query(String.class).single();
    }
}
