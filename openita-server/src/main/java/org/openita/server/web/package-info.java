/** Web infrastructure shared by every page: language, static assets and error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openita.server.web;
