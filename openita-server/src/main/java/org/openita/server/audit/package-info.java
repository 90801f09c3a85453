/** The audit trail: an append-only record of who changed what, when, with before and after. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = {})
package org.openita.server.audit;
