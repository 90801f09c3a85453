package org.openita.server.survey.internal;

import org.openita.server.web.PageAccess;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Which agencies each assessor reviews is the central administrator's to decide (ADR 0031). */
@Component
class AssignmentPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/surveys/assessors", "/surveys/assessors/**").hasRole("CENTRAL_ADMIN");
    }
}
