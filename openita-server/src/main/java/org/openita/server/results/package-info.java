/** An agency's ITA results for a fiscal year, scored by the engine; for now the demo agency. */
@org.springframework.modulith.ApplicationModule(displayName = "Results", allowedDependencies = {"agency", "audit", "cycle", "framework", "identity", "upload", "web"})
package org.openita.server.results;
