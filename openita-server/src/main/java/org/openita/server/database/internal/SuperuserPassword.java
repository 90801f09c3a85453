package org.openita.server.database.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
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
        List<String> command = PostgresBinaries.command("postgres", List.of("--single", "-D", dataDirectory.toString(), "postgres"));
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
}
