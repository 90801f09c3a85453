package org.openita.server.survey.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * An agency's survey kits, slips and exports need a sign-in (the controllers check that the person manages the
 * agency); every agency's progress and the national exports are the central administrator's.
 */
@Component
class SurveyAdminPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency/*/surveys/*/*").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/surveys/*/slips").authenticated()
                .requestMatchers("/surveys", "/surveys/**").hasRole("CENTRAL_ADMIN");
    }
}
