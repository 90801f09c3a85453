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
 * The active framework definition of each fiscal year, read from the database. Parsed definitions are
 * cached by the SHA-256 of their text, which never changes for a given text, so the cache cannot go
 * stale when another server process activates a different definition.
 */
@Service
@org.springframework.context.annotation.DependsOn("shippedFrameworks") // the shipped years are registered before anyone reads
public class FrameworkCatalog {

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

    private FrameworkDefinition parse(Row row) {
        return parsed.computeIfAbsent(row.sha256(),
                k -> FrameworkLoader.parse("ita-" + row.fiscalYear() + ".yaml (" + row.origin() + ")", row.content()));
    }
}
