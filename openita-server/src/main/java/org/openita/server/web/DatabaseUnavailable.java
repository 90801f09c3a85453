package org.openita.server.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot be reached at the moment: stopped or restarting, its connection
 * broken, or no connection free within the pool's connection timeout (spring.datasource.hikari.connection-timeout).
 * Such a request is answered 503 with {@code Retry-After}, by the page filter ({@link DatabaseUnavailableFilter}) or
 * the API's problem details, never 500 (ADR 0025). Nothing was stored: a transaction that never got its connection,
 * or lost it, is not committed.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database cannot be reached. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            // a statement lost its connection, then the rollback failed on the closed connection: the rollback's
            // failure is thrown, the first one is kept aside
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null && causes(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQLSTATEs for a connection that could not be made or was lost (class 08), and for a server that is
     * shutting down, was shut down under the connection, or is still starting (57P01, 57P02, 57P03).
     */
    static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
