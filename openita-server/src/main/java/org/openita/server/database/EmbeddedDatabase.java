package org.openita.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** The running embedded PostgreSQL together with the lease on its data directory. */
final class EmbeddedDatabase implements AutoCloseable {

    private final StaleServerGuard.Lease lease;
    private final EmbeddedPostgres postgres;

    EmbeddedDatabase(StaleServerGuard.Lease lease, EmbeddedPostgres postgres) {
        this.lease = lease;
        this.postgres = postgres;
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lease.close();
        }
    }
}
