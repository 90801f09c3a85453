package org.openita.server.survey.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The contact lists of EIT part 2: an agency's list page needs a sign-in (the controller checks that the person manages
 * the agency); the assessor's list and its status forms are the assessors' (the controller checks the assignment).
 */
@Component
class ContactPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/agency/*/contacts/*").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/contacts/*/add", "/agency/*/contacts/*/upload", "/agency/*/contacts/*/delete").authenticated()
                .requestMatchers(HttpMethod.GET, "/field").hasRole("ASSESSOR")
                .requestMatchers(HttpMethod.POST, "/field/contacts/*/status").hasRole("ASSESSOR");
    }
}
