package org.openita.server.framework.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the framework definitions shipped with this release, before the server takes requests. A shipped definition becomes active
 * for its year unless an administrator's uploaded definition is active; running it again, or from
 * several server processes at once, changes nothing.
 */
@Component
class ShippedFrameworks implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ShippedFrameworks.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ShippedFrameworks(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        for (int year : FrameworkLoader.shippedYears()) { // every ita-YYYY.yaml among the resources
            String text = FrameworkLoader.shippedText(year);
            FrameworkDefinition d = FrameworkLoader.parse("ita-" + year + ".yaml", text);
            String sha = sha256(text);
            tx.executeWithoutResult(s -> register(year, d.version(), sha, text));
        }
    }

    private void register(int year, String version, String sha, String text) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('framework_definition'), ?)").param(year).query().singleRow();
        jdbc.sql("""
                insert into framework_definition (fiscal_year, version, sha256, origin, content)
                values (?, ?, ?, 'shipped', ?) on conflict (fiscal_year, sha256) do nothing""")
                .params(year, version, sha, text).update();
        // a version a person activated (an upload, or an older version to revert) stays active; otherwise this
        // release's shipped definition replaces the one an earlier release registered
        boolean personChose = jdbc.sql("select count(*) from framework_definition where fiscal_year = ? and active"
                        + " and (activated_by is not null or origin = 'uploaded')")
                .param(year).query(Long.class).single() > 0;
        if (!personChose) {
            boolean alreadyActive = jdbc.sql("select count(*) from framework_definition where fiscal_year = ? and active and sha256 = ?")
                    .params(year, sha).query(Long.class).single() > 0;
            if (!alreadyActive) {
                jdbc.sql("update framework_definition set active = false where fiscal_year = ? and active").param(year).update();
                jdbc.sql("update framework_definition set active = true, activated_at = now(), activated_by = null"
                        + " where fiscal_year = ? and sha256 = ?").params(year, sha).update();
                log.info("Framework definition for fiscal year {} (version {}) is now active", year, version);
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
