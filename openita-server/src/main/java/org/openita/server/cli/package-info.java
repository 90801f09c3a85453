/** The openita command line: validate and show framework definitions, score results. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.openita.server.cli;
