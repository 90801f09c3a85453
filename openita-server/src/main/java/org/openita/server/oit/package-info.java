/**
 * Runs the OIT: agencies submit the links to their published evidence per item, OpenITA pre-checks each link, assessors
 * judge each component, agencies may clarify, and the confirmed verdicts become the scores of indicators 9 and 10.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OIT", allowedDependencies = {"agency", "audit", "cycle", "database", "framework", "identity", "results", "upload", "web"})
package org.openita.server.oit;
