package org.openita.server.framework;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The active framework definition of each fiscal year, read from the database, and every stored version. Parsed
 * definitions are cached by the SHA-256 of their text, which never changes for a given text, so the cache cannot
 * go stale when another server process activates a different definition.
 */
@Service
@org.springframework.context.annotation.DependsOn("shippedFrameworks") // the shipped years are registered before anyone reads
public class FrameworkCatalog {

    static final String VERSION_COLUMNS = "id, fiscal_year, version, sha256, origin, loaded_at, loaded_by, active, activated_at, activated_by";

    private final JdbcClient jdbc;
    private final ConcurrentMap<String, FrameworkDefinition> parsed = new ConcurrentHashMap<>();

    FrameworkCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(int fiscalYear, String sha256, String origin, String content) {
    }

    public Optional<FrameworkDefinition> active(int fiscalYear) {
        return jdbc.sql("select fiscal_year, sha256, origin, content from framework_definition where fiscal_year = ? and active")
                .param(fiscalYear).query(Row.class).optional().map(this::parse);
    }

    public List<FrameworkSummary> list() {
        return jdbc.sql("select fiscal_year, sha256, origin, content from framework_definition where active order by fiscal_year")
                .query(Row.class).list().stream().map(r -> FrameworkSummary.of(parse(r), r.origin())).toList();
    }

    /** The active definition of every year. */
    public List<FrameworkDefinition> activeDefinitions() {
        return jdbc.sql("select fiscal_year, sha256, origin, content from framework_definition where active order by fiscal_year")
                .query(Row.class).list().stream().map(this::parse).toList();
    }

    /** The active version of a year: which definition results of that year are scored under. */
    public Optional<DefinitionVersion> activeVersion(int fiscalYear) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from framework_definition where fiscal_year = ? and active")
                .param(fiscalYear).query(DefinitionVersion.class).optional();
    }

    /** Every stored version of a year, the newest loaded first. */
    public List<DefinitionVersion> versions(int fiscalYear) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from framework_definition where fiscal_year = ? order by loaded_at desc, id desc")
                .param(fiscalYear).query(DefinitionVersion.class).list();
    }

    public Optional<DefinitionVersion> version(long id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from framework_definition where id = ?")
                .param(id).query(DefinitionVersion.class).optional();
    }

    /** The definition a stored version holds. */
    public Optional<FrameworkDefinition> definition(long id) {
        return jdbc.sql("select fiscal_year, sha256, origin, content from framework_definition where id = ?")
                .param(id).query(Row.class).optional().map(this::parse);
    }

    /** The active definition of the latest year before the given one, for comparing a new year with. */
    public Optional<FrameworkDefinition> activeBefore(int fiscalYear) {
        return jdbc.sql("select fiscal_year, sha256, origin, content from framework_definition where fiscal_year < ? and active"
                        + " order by fiscal_year desc limit 1")
                .param(fiscalYear).query(Row.class).optional().map(this::parse);
    }

    private FrameworkDefinition parse(Row row) {
        return parsed.computeIfAbsent(row.sha256(),
                k -> FrameworkLoader.parse("ita-" + row.fiscalYear() + ".yaml (" + row.origin() + ")", row.content()));
    }
}
