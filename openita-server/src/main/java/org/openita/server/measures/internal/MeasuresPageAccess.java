package org.openita.server.measures.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** An agency's measures need a sign-in (the controller checks the agency and the role). */
@Component
class MeasuresPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency/*/measures/**").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/measures/**").authenticated();
    }
}
