package org.openita.server.security.internal;

import org.openita.server.identity.MustChangePasswordFilter;
import org.openita.server.identity.SignInHandlers;
import org.openita.server.identity.SignInThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Each module names its own pages and who may open them ({@link org.openita.server.web.PageAccess}); everything
 * no module names is refused (deny by default, so a new endpoint is never open by accident). CSRF protection stays
 * on for every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = org.openita.server.web.RespondentHeaders.CONTENT_SECURITY_POLICY;

    /** The browsable API documentation needs inline styles (Swagger UI sets them on its elements). */
    static final String API_DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    /**
     * The API: personal bearer tokens only (no session cookie, so no cross-site request can ride on a
     * signed-in browser, and CSRF tokens are not needed); the documentation is open to read. Answers to
     * requests without a valid token are 401 problem details.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, org.openita.server.identity.ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**", "/swagger-ui/**", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs.yaml", "/api/docs/**", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.requireExplicitSave(true))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "unauthenticated",
                                "send a valid API token: Authorization: Bearer oita_...", "กรุณาส่งโทเค็น API ที่ใช้ได้ในส่วนหัว Authorization: Bearer"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "forbidden", "you may not do this", "คุณไม่มีสิทธิ์ทำรายการนี้")))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable());
        return http.build();
    }

    /**
     * The survey answer pages (/s/...): anyone may open them, without an account and without a session, so answering
     * never creates a session row and no database connection is taken before a submission is checked. Spring's CSRF
     * tokens live in the session, so they are off here; each answer form carries its own token instead, signed and
     * bound to the browser's SameSite device cookie (docs/adr/0021-survey-intake-and-anonymity.md).
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain respondentFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/s/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/s/iit/*", "/s/eit/*", "/s/iit/*/thanks", "/s/eit/*/thanks").permitAll()
                        .requestMatchers(HttpMethod.POST, "/s/iit/*", "/s/eit/*").permitAll()
                        // the optional phone check of EIT part 1 (docs/adr/0027-phone-check-for-eit-part-1.md)
                        .requestMatchers(HttpMethod.POST, "/s/eit/*/phone", "/s/eit/*/code").permitAll()
                        .requestMatchers(HttpMethod.GET, "/s/eit/*/code").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.requireExplicitSave(true))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                // one set of headers, also written by the intake's quick path (survey.internal.QuickSubmit)
                .headers(h -> h.defaultsDisabled().addHeaderWriter(new org.openita.server.web.RespondentHeaders()))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse res, int status, String code, String en, String th) throws java.io.IOException {
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        org.openita.server.web.ProblemResponse.problem(res, status, code, en, th);
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInHandlers handlers, SignInThrottle throttle,
                                            java.util.List<org.openita.server.web.PageAccess> pageAccess) throws Exception {
        http.authorizeHttpRequests(auth -> {
                    pageAccess.forEach(module -> module.rules(auth));
                    auth.anyRequest().denyAll();
                })
                .formLogin(f -> f.loginPage("/login").successHandler(handlers).failureHandler(handlers))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .addFilterBefore(new MustChangePasswordFilter(), AuthorizationFilter.class)
                .addFilterBefore(throttle.filter(), org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .httpBasic(b -> b.disable());
        return http.build();
    }
}
