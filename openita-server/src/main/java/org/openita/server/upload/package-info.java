/** Reads what people upload, safely: bounded copies in the server's own folder, and CSV and XLSX tables read as streams within limits. */
@org.springframework.modulith.ApplicationModule(displayName = "Uploads", allowedDependencies = {"web"})
package org.openita.server.upload;
