/** The home page: the shipped frameworks and the demo agency's results. */
@org.springframework.modulith.ApplicationModule(displayName = "Home", allowedDependencies = {"framework", "results"})
package org.openita.server.home;
