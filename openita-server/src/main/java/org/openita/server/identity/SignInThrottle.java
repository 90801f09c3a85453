package org.openita.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts from a network address that has had too many wrong passwords in the last
 * 15 minutes, whatever the accounts tried, with a clear message on the sign-in page.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES_PER_ADDRESS = 20;

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void failed(String address) {
        jdbc.sql("insert into sign_in_failure (address) values (?)").param(address).update();
        jdbc.sql("delete from sign_in_failure where failed_at < now() - interval '1 day'").update();
    }

    boolean throttled(String address) {
        return jdbc.sql("select count(*) from sign_in_failure where address = ? and failed_at > now() - interval '15 minutes'")
                .param(address).query(Long.class).single() >= MAX_FAILURES_PER_ADDRESS;
    }

    /** The filter that applies the throttle to sign-in attempts, for the security filter chain. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return !("POST".equals(request.getMethod()) && path.equals("/login"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (throttled(request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
