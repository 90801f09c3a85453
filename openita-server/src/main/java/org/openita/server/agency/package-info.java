/** The registry of agencies: who is assessed, with type, location, headcount and internal units. */
@org.springframework.modulith.ApplicationModule(displayName = "Agencies", allowedDependencies = {"audit", "cycle", "identity", "upload", "web"})
package org.openita.server.agency;
