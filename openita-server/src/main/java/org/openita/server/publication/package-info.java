/** What anyone may read without signing in: an agency's published page for a year, and the open data of announced years. */
@org.springframework.modulith.ApplicationModule(displayName = "Publication", allowedDependencies = {"agency", "cycle", "framework", "identity", "measures", "reporting", "results", "web"})
package org.openita.server.publication;
