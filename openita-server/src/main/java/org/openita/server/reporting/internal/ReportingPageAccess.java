package org.openita.server.reporting.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** An agency's report needs a sign-in (the controller checks the agency); the demo agency's report is open. */
@Component
class ReportingPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency/*/results/*/report.*").authenticated()
                .requestMatchers(HttpMethod.GET, "/demo/report.docx", "/demo/report.pdf", "/demo/report.html").permitAll();
    }
}
