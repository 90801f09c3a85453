package org.openita.server.cycle.internal;

import org.openita.server.web.PageAccess;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The assessment calendar is the central administrator's. */
@Component
class CyclePageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/cycles", "/cycles/**").hasRole("CENTRAL_ADMIN");
    }
}
