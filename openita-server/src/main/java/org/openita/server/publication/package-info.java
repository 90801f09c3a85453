/**
 * What anyone may read without signing in: an agency's published page for a year (with its own copy of the plan the
 * agency confirmed), publishing and withdrawing it, and the open data of announced years.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publication", allowedDependencies = {"agency", "audit", "cycle", "framework", "identity", "measures", "reporting", "results", "web"})
package org.openita.server.publication;
