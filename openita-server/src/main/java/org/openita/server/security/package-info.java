/** Who may reach what: the security filter chain, CSRF and the browser security headers. */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = {"identity", "web"})
package org.openita.server.security;
