/**
 * The JSON API for agencies' own systems (/api/v1): import, results, measures and reports, with the same
 * authorization as the pages, personal bearer tokens, and errors as RFC 9457 problem details with stable codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API", allowedDependencies = {"agency", "identity", "measures", "reporting", "results", "upload", "web"})
package org.openita.server.api;
