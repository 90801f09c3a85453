package org.openita.server.hostile;

import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.UserAccounts;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The services the bad-input suites set up their agency, results and people with, and the port they send to. */
abstract class HostileTestSupport extends ServerTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    ResultImports imports;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
}
