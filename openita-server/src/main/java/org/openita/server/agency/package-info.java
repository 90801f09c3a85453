/** The registry of agencies: who is assessed, with type, location, headcount and internal units. */
@org.springframework.modulith.ApplicationModule(displayName = "Agencies")
package org.openita.server.agency;
