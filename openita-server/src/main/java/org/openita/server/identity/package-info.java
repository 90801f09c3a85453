/** People who sign in, their roles, passwords and lockout. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.openita.server.identity;
