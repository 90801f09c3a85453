package org.openita.server.framework.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.DefinitionProblem;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.server.audit.AuditTrail;
import org.openita.server.framework.DefinitionVersion;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads definitions a central administrator uploads and activates stored versions. Loading checks the whole file
 * and stores it (inactive) only when it has no problem; activating is a separate step, audited, that leaves every
 * other version stored, so activating an older version reverts to it.
 */
@Service
public class FrameworkVersions {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final FrameworkCatalog catalog;

    FrameworkVersions(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, FrameworkCatalog catalog) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.catalog = catalog;
    }

    /** The outcome of loading a file: the stored version when the file is valid, otherwise every problem and nothing stored. */
    public record Loaded(Optional<DefinitionVersion> version, List<DefinitionProblem> problems) {
    }

    /**
     * Checks a definition's text and, when it has no problem, stores it as an inactive version of its year (the same
     * text loaded twice is one version). A year's versions must differ in their {@code version} field, so that results
     * and reports can name the version they were scored under.
     */
    public Loaded load(String actor, String fileName, String text) {
        FrameworkLoader.Result r = FrameworkLoader.check(fileName, text);
        if (!r.problems().isEmpty()) {
            return new Loaded(Optional.empty(), r.problems());
        }
        FrameworkDefinition d = r.definition().orElseThrow();
        int year = d.year().buddhistEra();
        String sha = ShippedFrameworks.sha256(text);
        return tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('framework_definition'), ?)").param(year).query().singleRow();
            Optional<DefinitionVersion> same = catalog.versions(year).stream().filter(v -> v.sha256().equals(sha)).findFirst();
            if (same.isPresent()) {
                return new Loaded(same, List.of());
            }
            boolean versionTaken = catalog.versions(year).stream().anyMatch(v -> v.version().equals(d.version()));
            if (versionTaken) {
                return new Loaded(Optional.empty(), List.of(new DefinitionProblem(fileName, "version", 0,
                        "ปี " + year + " มีเกณฑ์ฉบับ \"" + d.version() + "\" อยู่แล้วแต่เนื้อหาต่างกัน ให้เปลี่ยนค่า version ในไฟล์ (เช่น \""
                                + d.version() + "a\") เพื่อให้ผลและรายงานระบุฉบับที่ใช้ได้",
                        year + " already has a version \"" + d.version() + "\" with other content; change the file's version field"
                                + " (e.g. \"" + d.version() + "a\") so results and reports can name the version they use")));
            }
            long id = jdbc.sql("""
                    insert into framework_definition (fiscal_year, version, sha256, origin, content, loaded_by)
                    values (?, ?, ?, 'uploaded', ?, ?) returning id""")
                    .params(year, d.version(), sha, text, actor).query(Long.class).single();
            audit.record(actor, "FRAMEWORK_LOADED", "framework:" + year, null, summary(year, d.version(), sha));
            return new Loaded(catalog.version(id), List.of());
        });
    }

    /**
     * Makes a stored version the active one of its year (an older one too: that is how a correction is reverted);
     * results of the year are scored under it from the next read on. Activating the active version changes nothing.
     */
    public Optional<DefinitionVersion> activate(String actor, long id) {
        return tx.execute(s -> {
            Optional<DefinitionVersion> target = catalog.version(id);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            int year = target.get().fiscalYear();
            jdbc.sql("select pg_advisory_xact_lock(hashtext('framework_definition'), ?)").param(year).query().singleRow();
            Optional<DefinitionVersion> before = catalog.activeVersion(year);
            if (before.isPresent() && before.get().id() == id) {
                return before;
            }
            jdbc.sql("update framework_definition set active = false where fiscal_year = ? and active").param(year).update();
            jdbc.sql("update framework_definition set active = true, activated_at = now(), activated_by = ? where id = ?")
                    .params(actor, id).update();
            DefinitionVersion t = target.get();
            audit.record(actor, "FRAMEWORK_ACTIVATED", "framework:" + year,
                    before.map(b -> summary(year, b.version(), b.sha256())).orElse(null), summary(year, t.version(), t.sha256()));
            return catalog.version(id);
        });
    }

    private static Map<String, Object> summary(int year, String version, String sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fiscalYear", year);
        m.put("version", version);
        m.put("sha256", sha);
        return m;
    }
}
