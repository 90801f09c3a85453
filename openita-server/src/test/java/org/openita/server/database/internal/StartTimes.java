package org.openita.server.database.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures how long the embedded database takes to start and stop as OpenITA starts it (lease, passwords,
 * application role), on a new data folder (run 0, with initdb) and then again on the same folder. Not a test:
 * run by hand, as docs/benchmarks.md says. Argument: the number of starts (default 6).
 */
public final class StartTimes {

    private StartTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("openita-start-times-").resolve("pgdata");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dir, Duration.ofSeconds(120), Duration.ofSeconds(30));
            long t1 = System.nanoTime();
            db.close();
            long t2 = System.nanoTime();
            System.out.printf("START-TIMES run %d start %d ms stop %d ms%n", i, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
    }
}
