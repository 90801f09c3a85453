package org.openita.server.database.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The role OpenITA and its migrations run as: it may log in and owns the {@code openita} database and all
 * that is in it, and nothing more: not a superuser, cannot create roles or databases, and is a member of no
 * role (so not of {@code pg_execute_server_program} either). Set up by the superuser at every start; a
 * database created by an older OpenITA, where {@code postgres} owned everything, is handed over the first time.
 */
final class ApplicationRole {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);
    static final String NAME = "openita";
    static final String DATABASE = "openita";

    private ApplicationRole() {
    }

    /**
     * @param superuser connects as the superuser to a given database
     */
    static void setUp(java.util.function.Function<String, DataSource> superuser, String password) throws SQLException {
        try (Connection c = superuser.apply("postgres").getConnection(); Statement st = c.createStatement()) {
            if (!exists(st, "select 1 from pg_roles where rolname = '" + NAME + "'")) {
                st.execute("create role " + NAME + " login");
            }
            st.execute("alter role " + NAME + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            c.unwrap(PGConnection.class).alterUserPassword(NAME, password.toCharArray(), "scram-sha-256");
            for (String role : list(st, "select quote_ident(r.rolname) from pg_auth_members m join pg_roles r on r.oid = m.roleid"
                    + " where m.member = '" + NAME + "'::regrole")) {
                st.execute("revoke " + role + " from " + NAME);
            }
            if (!exists(st, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                st.execute("create database " + DATABASE + " owner " + NAME
                        + " encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0");
            } else if (!exists(st, "select 1 from pg_database where datname = '" + DATABASE + "' and datdba = '" + NAME + "'::regrole")) {
                log.info("Handing the database {} over from the superuser to the role {} (first start after an upgrade of OpenITA)",
                        DATABASE, NAME);
                st.execute("alter database " + DATABASE + " owner to " + NAME);
            }
        }
        try (Connection c = superuser.apply(DATABASE).getConnection()) {
            int moved = OwnershipTransfer.toRole(c, SuperuserPassword.SUPERUSER, NAME);
            if (moved > 0) {
                log.info("Handed {} database objects (schemas, tables, sequences, functions, ...) over to the role {}", moved, NAME);
            }
        }
    }

    static boolean exists(Statement st, String query) throws SQLException {
        try (ResultSet rs = st.executeQuery(query)) {
            return rs.next();
        }
    }

    static List<String> list(Statement st, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
