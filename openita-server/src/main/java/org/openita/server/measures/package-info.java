/** The measures (มาตรการ) an agency sets after its results, their progress through the year, and the follow-up report. */
@org.springframework.modulith.ApplicationModule(displayName = "Measures", allowedDependencies = {"agency", "audit", "cycle", "framework", "identity", "results", "web"})
package org.openita.server.measures;
