/** The openita command line: validate and show framework definitions, score results, write reports, recover a lost password. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line", allowedDependencies = {"agency", "database", "identity"})
package org.openita.server.cli;
