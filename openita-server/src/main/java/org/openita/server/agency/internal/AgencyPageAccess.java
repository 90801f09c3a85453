package org.openita.server.agency.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** An agency's page needs a sign-in (the controller checks that the agency is the person's); the registry is the central administrator's. */
@Component
class AgencyPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency", "/agency/*").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/staff").authenticated()
                .requestMatchers(HttpMethod.GET, "/agency/*/logo").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/logo", "/agency/*/logo/remove", "/agency/*/sign-off").authenticated()
                .requestMatchers("/agencies", "/agencies/**").hasRole("CENTRAL_ADMIN");
    }
}
