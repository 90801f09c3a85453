package org.openita.server.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.analysis.Signatory;
import org.openita.server.audit.AuditTrail;
import org.openita.server.upload.FileTooLargeException;
import org.openita.server.upload.Uploads;
import org.openita.server.web.TempFolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/** What an agency prints on its reports besides its results: its logo and the sign-off block. Every change is audited. */
@Service
public class AgencyReportDetails {

    /** The logo as kept, without its bytes. */
    public record LogoInfo(int width, int height, String sha256) {

        /** The width to show it at inside a square of {@code box} pixels, keeping its proportions. */
        public int displayWidth(int box) {
            return width >= height ? Math.min(box, width) : Math.max(1, Math.round((float) Math.min(box, height) * width / height));
        }

        public int displayHeight(int box) {
            return height >= width ? Math.min(box, height) : Math.max(1, Math.round((float) Math.min(box, width) * height / width));
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TempFolder temp;
    private final TransactionTemplate tx;

    AgencyReportDetails(JdbcClient jdbc, AuditTrail audit, TempFolder temp, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.temp = temp;
        this.tx = tx;
    }

    /** The agency's logo as a PNG, if it has one. */
    public Optional<byte[]> logo(AgencyCode code) {
        return jdbc.sql("select l.image from agency_logo l join agency a on a.id = l.agency_id where a.code = ?")
                .param(code.value()).query(byte[].class).optional();
    }

    public Optional<LogoInfo> logoInfo(AgencyCode code) {
        return jdbc.sql("select l.width, l.height, l.sha256 from agency_logo l join agency a on a.id = l.agency_id where a.code = ?")
                .param(code.value()).query(LogoInfo.class).optional();
    }

    /** The sign-off block in printing order (prepared, reviewed, approved); empty when the agency has entered none. */
    public List<Signatory> signOff(AgencyCode code) {
        return jdbc.sql("select s.role, s.name, s.position from agency_signatory s join agency a on a.id = s.agency_id where a.code = ?"
                        + " order by case s.role when 'PREPARED' then 0 when 'REVIEWED' then 1 else 2 end")
                .param(code.value()).query((rs, n) -> new Signatory(Signatory.Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Reads an uploaded logo (refused once past {@link LogoImage#MAX_BYTES}), checks and re-encodes it, and puts it in
     * place of the agency's logo; on a refusal nothing stored changes. The image is checked before the database is touched.
     */
    public LogoImage.Normalized storeLogo(String actor, AgencyCode code, InputStream upload) throws LogoImage.Refused, IOException {
        byte[] bytes;
        Path copy;
        try {
            copy = Uploads.copy(upload, temp, "logo-", ".upload", LogoImage.MAX_BYTES);
        } catch (FileTooLargeException e) {
            throw new LogoImage.Refused(LogoImage.Problem.TOO_LARGE, e);
        }
        try {
            bytes = Files.readAllBytes(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
        LogoImage.Normalized logo = LogoImage.normalize(bytes);
        tx.executeWithoutResult(status -> keep(actor, code, logo));
        return logo;
    }

    private void keep(String actor, AgencyCode code, LogoImage.Normalized logo) {
        long id = agencyId(code);
        Optional<LogoInfo> before = logoInfo(code);
        jdbc.sql("insert into agency_logo (agency_id, image, width, height, sha256) values (?, ?, ?, ?, ?)"
                        + " on conflict (agency_id) do update set image = excluded.image, width = excluded.width, height = excluded.height,"
                        + " sha256 = excluded.sha256, updated_at = now()")
                .params(id, logo.png(), logo.width(), logo.height(), logo.sha256()).update();
        audit.record(actor, before.isPresent() ? "AGENCY_LOGO_REPLACED" : "AGENCY_LOGO_ADDED", "agency:" + code,
                before.map(AgencyReportDetails::describe).orElse(null),
                describe(new LogoInfo(logo.width(), logo.height(), logo.sha256())));
    }

    /** Removes the agency's logo; false when it had none (nothing is recorded then). */
    @Transactional
    public boolean removeLogo(String actor, AgencyCode code) {
        long id = agencyId(code);
        Optional<LogoInfo> before = logoInfo(code);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from agency_logo where agency_id = ?").param(id).update();
        audit.record(actor, "AGENCY_LOGO_REMOVED", "agency:" + code, describe(before.get()), null);
        return true;
    }

    /** Replaces the sign-off block (checked by {@link SignOffForm}); audited when it changes. */
    @Transactional
    public void storeSignOff(String actor, AgencyCode code, List<Signatory> signOff) {
        long id = agencyId(code);
        List<Signatory> before = signOff(code);
        if (before.equals(signOff)) {
            return;
        }
        jdbc.sql("delete from agency_signatory where agency_id = ?").param(id).update();
        for (Signatory s : signOff) {
            jdbc.sql("insert into agency_signatory (agency_id, role, name, position) values (?, ?, ?, ?)")
                    .params(id, s.role().name(), s.name(), s.position()).update();
        }
        audit.record(actor, "AGENCY_SIGN_OFF_UPDATED", "agency:" + code, describe(before), describe(signOff));
    }

    private long agencyId(AgencyCode code) {
        return jdbc.sql("select id from agency where code = ? for update").param(code.value()).query(Long.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Map<String, Object> describe(LogoInfo l) {
        return Map.of("width", l.width(), "height", l.height(), "sha256", l.sha256());
    }

    private static Map<String, Object> describe(List<Signatory> signOff) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Signatory s : signOff) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("role", s.role().name());
            row.put("position", s.position());
            if (s.name() != null) {
                row.put("name", s.name());
            }
            rows.add(row);
        }
        m.put("signOff", rows);
        return m;
    }
}
