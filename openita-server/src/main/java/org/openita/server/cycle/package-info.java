/** Fiscal-year assessment cycles: their calendar phases, the phase today, and what each role may do in it. */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment cycles", allowedDependencies = {"audit", "identity"})
package org.openita.server.cycle;
