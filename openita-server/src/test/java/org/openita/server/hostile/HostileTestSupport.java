package org.openita.server.hostile;

import org.openita.server.identity.ApiTokens;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The services the bad-input suites set up their results and tokens with (besides the base's), and the port they send to. */
abstract class HostileTestSupport extends ServerTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ResultImports imports;
    @Autowired
    ApiTokens tokens;
}
