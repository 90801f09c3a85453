/** The database: an embedded PostgreSQL by default, any external PostgreSQL by configuration. */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.openita.server.database;
