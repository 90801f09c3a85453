/** Demo mode: a demo agency and one account of each role, for trying OpenITA out. Off by default. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = {"agency", "identity", "results", "survey"})
package org.openita.server.demo;
