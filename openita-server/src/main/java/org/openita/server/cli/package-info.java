/** The openita command line: validate and show framework definitions, score results. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line", allowedDependencies = {"agency"})
package org.openita.server.cli;
