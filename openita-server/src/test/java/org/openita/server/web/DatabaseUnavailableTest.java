package org.openita.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503, try again) and which do not (ADR 0025). */
class DatabaseUnavailableTest {

    @Test
    void noConnectionFromThePoolInTimeIsUnavailableHoweverItIsWrapped() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException("openita - Connection is not available");
        assertThat(DatabaseUnavailable.causes(hikari)).isTrue();
        assertThat(DatabaseUnavailable.causes(new CannotGetJdbcConnectionException("no connection", hikari))).isTrue();
        assertThat(DatabaseUnavailable.causes(new CannotCreateTransactionException("no transaction", hikari))).isTrue();
        assertThat(DatabaseUnavailable.causes(new jakarta.servlet.ServletException(new IllegalStateException(
                new CannotCreateTransactionException("in a filter", hikari))))).isTrue();
    }

    @Test
    void aLostConnectionOrAServerShuttingDownIsUnavailable() {
        assertThat(DatabaseUnavailable.causes(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionWasLostIsUnavailable() {
        // as seen under load when PostgreSQL was stopped: the insert lost its connection (57P01), then the rollback
        // found the connection closed (Hikari's "Connection is closed", no SQLSTATE) and replaced the first failure
        org.springframework.transaction.TransactionSystemException rollback = new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causes(rollback)).isFalse();
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("insert",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseUnavailable.causes(rollback)).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(DatabaseUnavailable.causes(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causes(new PessimisticLockingFailureException("deadlock", new SQLException("deadlock", "40P01")))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("canceling statement due to statement timeout", "57014"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("no database here"))).isFalse();
        assertThat(DatabaseUnavailable.causes(null)).isFalse();
    }
}
