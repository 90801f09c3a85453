/** Keeps every version of each fiscal year's ITA framework definition, loads uploaded ones and hands out the active one. */
@org.springframework.modulith.ApplicationModule(displayName = "Framework definitions", allowedDependencies = {"audit", "web"})
package org.openita.server.framework;
