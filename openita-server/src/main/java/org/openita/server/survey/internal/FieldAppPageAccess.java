package org.openita.server.survey.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The assessor's field questionnaire (EIT part 2): the page and the device token are an assessor's; its script, style,
 * service worker, manifest and icons carry no data and are open, so that a device opens the page with no session.
 */
@Component
class FieldAppPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, FieldAppController.ASSETS).permitAll()
                .requestMatchers(HttpMethod.GET, "/field/app").hasRole("ASSESSOR")
                .requestMatchers(HttpMethod.POST, "/field/device").hasRole("ASSESSOR");
    }
}
