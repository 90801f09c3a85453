/** People who sign in, their roles, passwords and lockout. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"audit", "database"})
package org.openita.server.identity;
