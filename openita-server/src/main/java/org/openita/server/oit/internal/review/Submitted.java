package org.openita.server.oit.internal.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What an agency submitted (V26: oit_submission in state SUBMITTED and its oit_submitted_link rows), each link with the
 * pre-check taken for the submission (oit_link_check) and its snapshot: what the assessor judges.
 */
@Component
class Submitted {

    /** One submitted item: its note, when and by whom, and its links in the agency's order. */
    public record Item(String code, String note, Instant submittedAt, String submittedBy, List<Link> links) {
    }

    /** One submitted link and, once fetched, what the pre-check found in it. */
    public record Link(int position, String url, Check check) {
        /** Whether the address can be opened as a live page (http or https only). */
        public boolean openable() {
            String u = url.toLowerCase(Locale.ROOT);
            return u.startsWith("http://") || u.startsWith("https://");
        }
    }

    /** The pre-check of a link taken at submission. */
    public record Check(Instant checkedAt, String outcome, Integer httpStatus, String finalUrl, Boolean onAgencyDomain, String contentType,
                 Long size, String title, List<Integer> yearsFound, List<String> termsFound, List<Warning> warnings, Long snapshotId) {
    }

    /** A pre-check warning in Thai and English. */
    public record Warning(String code, String th, String en) {
        public String in(Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : th;
        }
    }

    private final JdbcClient jdbc;

    Submitted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The submitted items of an agency's year, by item code, without their links. */
    Map<String, Item> items(AgencyCode agency, int year) {
        Map<String, Item> out = new LinkedHashMap<>();
        jdbc.sql("select item_code, note, submitted_at, submitted_by from oit_submission where agency_code = ? and fiscal_year = ?"
                        + " and state = 'SUBMITTED' order by item_code")
                .params(agency.value(), year)
                .query((RowCallbackHandler) rs -> out.put(rs.getString(1), new Item(rs.getString(1), rs.getString(2),
                        instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), List.of())));
        return out;
    }

    /** One submitted item with its links and their checks; empty when the item is not submitted. */
    java.util.Optional<Item> item(AgencyCode agency, int year, String code) {
        Item head = items(agency, year).get(code);
        if (head == null) {
            return java.util.Optional.empty();
        }
        List<Link> links = new ArrayList<>();
        jdbc.sql("select l.position, l.url, c.checked_at, c.outcome, c.http_status, c.final_url, c.on_agency_domain, c.content_type, c.size,"
                        + " c.title, cast(c.years_found as text), cast(c.terms_found as text), cast(c.warnings as text), c.snapshot_id, c.id"
                        + " from oit_submitted_link l left join oit_link_check c on c.id = l.check_id"
                        + " where l.agency_code = ? and l.fiscal_year = ? and l.item_code = ? order by l.position")
                .params(agency.value(), year, code)
                .query((RowCallbackHandler) rs -> {
                    Check check = null;
                    if (rs.getObject(15) != null) {
                        check = new Check(instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), (Integer) rs.getObject(5),
                                rs.getString(6), (Boolean) rs.getObject(7), rs.getString(8), (Long) rs.getObject(9), rs.getString(10),
                                years(rs.getString(11)), strings(rs.getString(12)), warnings(rs.getString(13)), (Long) rs.getObject(14));
                    }
                    links.add(new Link(rs.getInt(1), rs.getString(2), check));
                });
        return java.util.Optional.of(new Item(head.code(), head.note(), head.submittedAt(), head.submittedBy(), List.copyOf(links)));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static List<Integer> years(String json) {
        List<Integer> out = new ArrayList<>();
        if (json != null) {
            Reviews.JSON.readTree(json).forEach(n -> {
                if (n.canConvertToInt()) {
                    out.add(n.asInt());
                }
            });
        }
        return out;
    }

    private static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        if (json != null) {
            Reviews.JSON.readTree(json).forEach(n -> out.add(n.asString("")));
        }
        return out;
    }

    /** Warnings as the pre-check stores them: objects with code, th and en (a bare string is taken as the Thai text). */
    private static List<Warning> warnings(String json) {
        List<Warning> out = new ArrayList<>();
        if (json != null) {
            for (JsonNode n : Reviews.JSON.readTree(json)) {
                if (n.isObject()) {
                    out.add(new Warning(n.path("code").asString(""), n.path("th").asString(""), n.path("en").asString("")));
                } else {
                    out.add(new Warning("", n.asString(""), ""));
                }
            }
        }
        return out;
    }
}
