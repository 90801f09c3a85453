/** The ITA analysis report of an agency, served as DOCX, PDF and HTML. */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = {"agency", "cycle", "identity", "measures", "results", "web"})
package org.openita.server.reporting;
