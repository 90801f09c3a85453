/** The openita command line: validate and show framework definitions, score results, write reports, recover a lost password. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.openita.server.cli;
