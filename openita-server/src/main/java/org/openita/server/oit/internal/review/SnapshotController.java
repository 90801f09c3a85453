package org.openita.server.oit.internal.review;

import java.util.List;
import java.util.Locale;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A stored snapshot as the pre-check received it: what the agency submitted, not what its site shows today. Only to
 * people who may see an agency whose check took it (404 otherwise). The bytes are the agency's, so they never run in
 * our origin: every answer carries {@code Content-Security-Policy: sandbox} (a unique origin, no script) and
 * {@code X-Content-Type-Options: nosniff}; HTML and PDF open in the browser, every other type downloads.
 */
@Controller
class SnapshotController {

    /** No script, no form, no plugin, a unique origin; the page's own styles and inline images may show. */
    static final String POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final JdbcClient jdbc;
    private final AgencyAccess access;

    SnapshotController(JdbcClient jdbc, AgencyAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    private record Snapshot(String contentType, byte[] body) {
    }

    @GetMapping("/oit/snapshots/{id}")
    ResponseEntity<byte[]> snapshot(@PathVariable String id, Authentication auth) {
        long snapshot;
        try {
            snapshot = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<String> owners = jdbc.sql("select distinct agency_code from oit_link_check where snapshot_id = ?").param(snapshot)
                .query(String.class).list();
        boolean visible = owners.stream().flatMap(c -> AgencyCode.parse(c).stream()).anyMatch(c -> access.canSee(auth, c));
        if (!visible) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Snapshot s = jdbc.sql("select content_type, body from oit_snapshot where id = ?").param(snapshot)
                .query((rs, i) -> new Snapshot(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MediaType type = mediaType(s.contentType());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set("Content-Security-Policy", POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("private, no-store");
        boolean html = type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML);
        boolean pdf = type.isCompatibleWith(MediaType.APPLICATION_PDF);
        String name = "snapshot-" + snapshot + (html ? ".html" : pdf ? ".pdf" : extension(type));
        headers.setContentDisposition((html || pdf ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(name).build());
        return ResponseEntity.ok().headers(headers).body(s.body());
    }

    /** The stored type when it is a valid one; else bytes of no particular type (downloaded, never shown). */
    static MediaType mediaType(String stored) {
        if (stored == null || stored.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            MediaType t = MediaType.parseMediaType(stored.trim());
            return t.isWildcardType() || t.isWildcardSubtype() ? MediaType.APPLICATION_OCTET_STREAM : t;
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static String extension(MediaType type) {
        String sub = type.getSubtype().toLowerCase(Locale.ROOT);
        if (sub.contains("wordprocessingml")) {
            return ".docx";
        }
        if (sub.contains("spreadsheetml")) {
            return ".xlsx";
        }
        return sub.matches("[a-z0-9]{1,8}") ? "." + sub : ".bin";
    }
}
