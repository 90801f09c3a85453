/** Keeps the ITA framework definition of each fiscal year and hands out the active one. */
@org.springframework.modulith.ApplicationModule(displayName = "Framework definitions", allowedDependencies = {})
package org.openita.server.framework;
