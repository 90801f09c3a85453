/** An agency's ITA results for a fiscal year, scored by the engine; for now the demo agency. */
@org.springframework.modulith.ApplicationModule(displayName = "Results")
package org.openita.server.results;
