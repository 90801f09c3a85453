package org.openita.server.publication.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Published pages and open data are open to everyone, read only; publishing needs a sign-in (the controller checks the agency and the role). */
@Component
class PublicationPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/public/*/*", "/public/*/*/report.*", "/public/*/*/follow-up.*").permitAll()
                .requestMatchers(HttpMethod.GET, "/open-data", "/open-data/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/agency/*/publication/*").authenticated();
    }
}
