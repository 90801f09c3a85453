package org.openita.server.security;

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
 * Public pages are listed one by one; signed-in pages are listed by role; everything else is refused
 * (deny by default, so a new endpoint is never open by accident). CSRF protection stays on for every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInHandlers handlers, SignInThrottle throttle) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/error", "/css/**", "/fonts/**", "/webjars/**", "/favicon.ico", "/login").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/demo/report.docx", "/demo/report.pdf", "/demo/report.html").permitAll()
                        .requestMatchers("/account/reset", "/account/reset/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/public/*/*", "/public/*/*/report.*", "/public/*/*/follow-up.*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/open-data", "/open-data/*").permitAll()
                        .requestMatchers("/account/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/agency", "/agency/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/agency/*/staff").authenticated()
                        .requestMatchers(HttpMethod.GET, "/agency/*/results/*", "/agency/*/results/*/report.*", "/agency/*/results/template.*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/agency/*/results/import").authenticated()
                        .requestMatchers(HttpMethod.GET, "/imports/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/agency/*/measures/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/agency/*/measures/**").authenticated()
                        .requestMatchers("/results/**").hasRole("CENTRAL_ADMIN")
                        .requestMatchers("/agencies", "/agencies/**").hasRole("CENTRAL_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/audit").hasRole("CENTRAL_ADMIN")
                        .requestMatchers("/users").hasRole("CENTRAL_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/outbox").hasRole("CENTRAL_ADMIN")
                        .requestMatchers("/cycles", "/cycles/**").hasRole("CENTRAL_ADMIN")
                        .anyRequest().denyAll())
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
