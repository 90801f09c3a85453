package org.openita.server.oit.internal.submission;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The agency's OIT pages need a sign-in; the controller checks that the person sees the agency (to read) or manages it
 * (to change), and the phase.
 */
@Component
class OitSubmissionPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency/*/oit/*", "/agency/*/oit/*/*", "/agency/*/oit/*/*/checks").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/oit/*/*").authenticated();
    }
}
