package org.openita.server.results.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** An agency's results and imports need a sign-in (the controllers check the agency); the national import is the central administrator's. */
@Component
class ResultsPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency/*/results/*", "/agency/*/results/template.*").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/results/import").authenticated()
                .requestMatchers(HttpMethod.GET, "/imports/*").authenticated()
                .requestMatchers("/results/**").hasRole("CENTRAL_ADMIN");
    }
}
