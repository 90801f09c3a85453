package org.openita.server.survey.internal;

import org.openita.server.web.PageAccess;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Closing a fiscal year's surveys is the central administrator's. */
@Component
class ClosingPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/surveys/close", "/surveys/close/**").hasRole("CENTRAL_ADMIN");
    }
}
