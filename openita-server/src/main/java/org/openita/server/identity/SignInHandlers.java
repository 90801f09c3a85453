package org.openita.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After sign-in: a one-time password must be replaced first. After a failure: one answer for a wrong password,
 * an unknown name and a locked or disabled account alike, so that the answer tells nobody which accounts exist
 * or are locked. (Spring Security compares the password even for a locked account, so the timing matches too.)
 */
@Component
public class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Session attribute set while the signed-in person must choose a new password. */
    public static final String MUST_CHANGE_PASSWORD = "openita.mustChangePassword";

    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInHandlers(UserAccounts accounts, SignInThrottle throttle) {
        // people land on their work: their agency (the registry, for the central administrator)
        next.setDefaultTargetUrl("/agency");
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, jakarta.servlet.ServletException {
        boolean mustChange = accounts.find(auth.getName()).map(UserAccounts.Account::mustChangePassword).orElse(false);
        if (mustChange) {
            request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        next.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (org.openita.server.web.DatabaseUnavailable.causes(e) && e.getCause() instanceof RuntimeException unreachable) {
            throw unreachable; // not a wrong password: answered 503 (web.DatabaseUnavailableFilter), not counted against the address
        }
        throttle.failed(request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
