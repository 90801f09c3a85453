package org.openita.server.identity.internal;

import org.openita.server.web.PageAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Signing in and resetting a password are open; the account pages need a sign-in; people and the outbox are the central administrator's. */
@Component
class IdentityPageAccess implements PageAccess {

    @Override
    public void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/login", "/account/reset", "/account/reset/*").permitAll()
                .requestMatchers("/account/**").authenticated()
                .requestMatchers("/users", "/users/**").hasRole("CENTRAL_ADMIN")
                .requestMatchers(HttpMethod.GET, "/outbox").hasRole("CENTRAL_ADMIN");
    }
}
