/** The database: an embedded PostgreSQL by default, any external PostgreSQL by configuration. */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.openita.server.database;
