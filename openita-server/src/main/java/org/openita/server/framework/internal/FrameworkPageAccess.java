package org.openita.server.framework.internal;

import org.openita.server.web.PageAccess;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Framework definitions (upload, differences, activation, versions) are the central administrator's. */
@Component
class FrameworkPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/frameworks", "/frameworks/**").hasRole("CENTRAL_ADMIN");
    }
}
