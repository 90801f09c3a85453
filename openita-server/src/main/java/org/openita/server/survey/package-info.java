/**
 * Collects the answers of staff (IIT) and service users (EIT part 1), anonymously, within the cycle's survey window.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys", allowedDependencies = {"agency", "audit", "cycle", "database", "framework", "identity", "oit", "results", "upload", "web"})
package org.openita.server.survey;
