package org.openita.server.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.openita.server.database.EmbeddedDatabaseProperties;
import org.openita.server.database.OwnerOnlyFiles;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start, creates one central administrator, "admin", with a one-time password printed
 * to the console; it must be changed at the first sign-in. Safe when several processes start together.
 * <p>
 * A first start can fail after the account exists (the port is taken, say), and the console that showed the
 * password is then gone. So the password is kept in an owner-only file next to the data folder
 * ({@value #FILE_NAME}, beside {@code pgdata}, as readable as the database's own password file in it) and shown
 * again at every start while it is still the account's password and still to be changed; the file is deleted as
 * soon as the password is replaced (or no longer matches, e.g. after {@code openita admin reset-password}). With an
 * external database (no data folder of ours) nothing is kept; {@code openita admin reset-password} recovers it.
 */
@Component
public class FirstAdministrator implements InitializingBean {

    public static final String FILE_NAME = "first-admin-password.txt";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public static final String USERNAME = "admin";

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Path file;

    /** @param externalDatabase the URL of an external database, or empty for the embedded one (whose folder holds the file) */
    FirstAdministrator(UserAccounts accounts, JdbcClient jdbc, TransactionTemplate tx, EmbeddedDatabaseProperties database,
                       @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String externalDatabase) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        // an external database has no data folder of ours: its administrator is recovered with the command line
        this.file = externalDatabase.isBlank() ? database.dataDirectory().toAbsolutePath().resolveSibling(FILE_NAME) : null;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('first-administrator'))").query().singleRow();
            if (accounts.count() == 0) {
                String password = oneTimePassword();
                accounts.create("system", USERNAME, "ผู้ดูแลระบบ", Role.CENTRAL_ADMIN, password, true);
                keep(password);
                show(password, "first administrator created / สร้างผู้ดูแลระบบคนแรกแล้ว");
            } else {
                showAgainWhileUnused();
            }
        });
    }

    private void showAgainWhileUnused() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String password = lines.isEmpty() ? "" : lines.get(0).strip();
            boolean unused = accounts.find(USERNAME).filter(a -> a.enabled() && a.mustChangePassword()).isPresent()
                    && accounts.passwordMatches(USERNAME, password);
            if (unused) {
                show(password, "the first administrator's one-time password is still unused / รหัสผ่านครั้งเดียวของผู้ดูแลระบบคนแรกยังไม่ได้ใช้");
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not read or remove {}: {}", file, e.getMessage());
        }
    }

    private void keep(String password) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            OwnerOnlyFiles.write(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the first administrator's one-time password in " + file, e);
        }
    }

    /** Once the administrator has chosen a password, the kept one-time password is of no use: delete it. */
    @TransactionalEventListener(fallbackExecution = true)
    public void passwordChosen(UserAccounts.PasswordChosen event) throws IOException {
        if (file != null && event.username().equalsIgnoreCase(USERNAME)) {
            Files.deleteIfExists(file);
        }
    }

    private static void show(String password, String headline) {
        log.warn("""

                ================================================================
                 OpenITA: {}
                   username / ชื่อผู้ใช้:      admin
                   password / รหัสผ่านครั้งเดียว: {}
                 Sign in at /login and choose a new password.
                 เข้าสู่ระบบที่ /login แล้วตั้งรหัสผ่านใหม่
                ================================================================""", headline, password);
    }

    public static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
