/** Keeps the ITA framework definition of each fiscal year and hands out the active one. */
@org.springframework.modulith.ApplicationModule(displayName = "Framework definitions")
package org.openita.server.framework;
