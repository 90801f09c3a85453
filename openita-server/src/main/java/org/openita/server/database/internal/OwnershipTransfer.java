package org.openita.server.database.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Gives a database's own objects from one role to another: schemas, tables, views, sequences, functions,
 * procedures, aggregates, types and large objects, outside the system schemas and extensions. {@code REASSIGN
 * OWNED} cannot do it when the old owner is the bootstrap superuser, which also owns the system catalogs.
 * Idempotent: when nothing is left to move it only reads the catalogs.
 */
final class OwnershipTransfer {

    private static final String USER_OBJECT = " n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'";

    private OwnershipTransfer() {
    }

    private static String notInExtension(String catalog, String oid) {
        return " and not exists (select 1 from pg_depend d where d.classid = '" + catalog + "'::regclass and d.objid = " + oid
                + " and d.deptype = 'e')";
    }

    /** @return how many objects changed owner */
    static int toRole(Connection c, String from, String to) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            String owner = "(select oid from pg_roles where rolname = '" + from + "')";
            String target = " owner to " + to;
            int moved = 0;
            moved += run(st, "select 'alter schema ' || quote_ident(n.nspname) from pg_namespace n where (n.nspowner = " + owner
                    + " or n.nspname = 'public') and n.nspowner <> '" + to + "'::regrole and " + USER_OBJECT
                    + notInExtension("pg_namespace", "n.oid"), target);
            // tables first: their serial and identity sequences follow them
            moved += run(st, "select case c.relkind when 'v' then 'alter view ' when 'm' then 'alter materialized view '"
                    + " when 'f' then 'alter foreign table ' when 'c' then 'alter type ' else 'alter table ' end || c.oid::regclass"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relowner = " + owner
                    + " and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c') and" + USER_OBJECT + notInExtension("pg_class", "c.oid"), target);
            moved += run(st, "select 'alter sequence ' || c.oid::regclass from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where c.relowner = " + owner + " and c.relkind = 'S' and" + USER_OBJECT + notInExtension("pg_class", "c.oid"), target);
            moved += run(st, "select case p.prokind when 'a' then 'alter aggregate ' else 'alter routine ' end || p.oid::regprocedure"
                    + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where p.proowner = " + owner + " and"
                    + USER_OBJECT + notInExtension("pg_proc", "p.oid"), target);
            moved += run(st, "select case t.typtype when 'd' then 'alter domain ' else 'alter type ' end || t.oid::regtype"
                    + " from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typowner = " + owner
                    + " and t.typtype in ('e', 'r', 'd') and" + USER_OBJECT + notInExtension("pg_type", "t.oid"), target);
            moved += run(st, "select 'alter large object ' || l.oid from pg_largeobject_metadata l where l.lomowner = " + owner, target);
            c.commit();
            return moved;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static int run(Statement st, String commandsQuery, String suffix) throws SQLException {
        List<String> commands = ApplicationRole.list(st, commandsQuery);
        for (String command : commands) {
            st.execute(command + suffix);
        }
        return commands.size();
    }
}
