package org.openita.server.oit.internal.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the V26 tables as the submission pages and the pre-check queue will write them, for tests of the review
 * before those parts land: a submitted item, its links, a check of each and the snapshot the check took.
 */
final class OitRows {

    private final JdbcClient jdbc;

    OitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Submits {@code item} with one link per url; returns nothing, the links have no check yet. */
    OitRows submitted(String agency, int year, String item, String... urls) {
        StringBuilder links = new StringBuilder("[");
        for (int i = 0; i < urls.length; i++) {
            links.append(i == 0 ? "" : ",").append('"').append(urls[i]).append('"');
        }
        links.append(']');
        jdbc.sql("insert into oit_submission (agency_code, fiscal_year, item_code, links, state, saved_by, submitted_at, submitted_by)"
                        + " values (?, ?, ?, cast(? as jsonb), 'SUBMITTED', 'agency-admin', now(), 'agency-admin')")
                .params(agency, year, item, links.toString()).update();
        for (int i = 0; i < urls.length; i++) {
            jdbc.sql("insert into oit_submitted_link (agency_code, fiscal_year, item_code, position, url) values (?, ?, ?, ?, ?)")
                    .params(agency, year, item, i, urls[i]).update();
        }
        return this;
    }

    /** Records the check taken at submission of link {@code position}, with a snapshot of {@code body}; returns the snapshot id. */
    long checked(String agency, int year, String item, int position, String contentType, byte[] body) {
        String url = jdbc.sql("select url from oit_submitted_link where agency_code = ? and fiscal_year = ? and item_code = ? and position = ?")
                .params(agency, year, item, position).query(String.class).single();
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (agency + item + position + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long snapshot = jdbc.sql("insert into oit_snapshot (fiscal_year, sha256, content_type, size, body) values (?, ?, ?, ?, ?) returning id")
                .params(year, sha, contentType, body.length, body).query(Long.class).single();
        long check = jdbc.sql("insert into oit_link_check (agency_code, fiscal_year, item_code, url, outcome, http_status, final_url,"
                        + " on_agency_domain, content_type, size, title, years_found, terms_found, warnings, snapshot_id)"
                        + " values (?, ?, ?, ?, 'OK', 200, ?, true, ?, ?, 'หน้าทดสอบ', '[2569]', '[\"โครงสร้าง\"]',"
                        + " '[{\"code\": \"YEAR\", \"th\": \"เอกสารนี้เป็นของปี 2567\", \"en\": \"This document is for 2567\"}]', ?)"
                        + " returning id")
                .params(agency, year, item, url, url, contentType, body.length, snapshot).query(Long.class).single();
        jdbc.sql("update oit_submitted_link set check_id = ? where agency_code = ? and fiscal_year = ? and item_code = ? and position = ?")
                .params(check, agency, year, item, position).update();
        return snapshot;
    }
}
