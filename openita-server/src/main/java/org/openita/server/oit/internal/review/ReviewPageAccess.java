package org.openita.server.oit.internal.review;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The review pages, the snapshot viewer and the agency's verdicts page need a sign-in; the controllers check the
 * agency (404), the role (403) and the phase (Activity, 403), so that another agency's address gives no hint.
 */
@Component
class ReviewPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/oit/review", "/oit/review/*/*", "/oit/review/*/*/*", "/oit/snapshots/*").authenticated()
                .requestMatchers(HttpMethod.POST, "/oit/review/*/*/*", "/oit/review/*/*/*/reopen").authenticated()
                .requestMatchers(HttpMethod.GET, "/agency/*/oit/*/verdicts").authenticated()
                .requestMatchers(HttpMethod.POST, "/agency/*/oit/*/verdicts").authenticated();
    }
}
