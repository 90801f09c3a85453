package org.openita.server.database.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The objects of the current database, outside the system schemas, that a given role does not own. */
final class OwnedObjects {

    private static final String USER_SCHEMA = " n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'";

    private OwnedObjects() {
    }

    static List<String> notOwnedBy(JdbcClient jdbc, String role) {
        String owner = "'" + role + "'::regrole";
        return jdbc.sql("select 'schema ' || n.nspname from pg_namespace n where" + USER_SCHEMA + " and n.nspowner <> " + owner
                + " union all select 'relation ' || c.oid::regclass from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where" + USER_SCHEMA + " and c.relowner <> " + owner
                + " union all select 'routine ' || p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where" + USER_SCHEMA + " and p.proowner <> " + owner
                + " union all select 'type ' || t.oid::regtype from pg_type t join pg_namespace n on n.oid = t.typnamespace"
                + " where" + USER_SCHEMA + " and t.typowner <> " + owner).query(String.class).list();
    }

    static String ownerOf(JdbcClient jdbc, String relation) {
        return jdbc.sql("select pg_get_userbyid(relowner) from pg_class where oid = ?::regclass").param(relation).query(String.class).single();
    }

    static String ownerOfFunction(JdbcClient jdbc, String function) {
        return jdbc.sql("select pg_get_userbyid(proowner) from pg_proc where oid = ?::regprocedure").param(function).query(String.class).single();
    }
}
