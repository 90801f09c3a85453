package org.openita.server.survey.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openita.server.web.RespondentHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The intake's quick path: a complete, valid answer to {@code POST /s/iit/{code}} or {@code /s/eit/{code}} is stored and
 * answered 303 here, before Spring Session's filter, Spring Security's chain and the MVC dispatch, none of which an
 * answer needs (the answer pages have no session and no account; their form carries its own signed token). It is
 * judged and stored by {@link Submissions}, as the controller does, and gets the answer pages' own security headers
 * ({@link RespondentHeaders}, also what their security chain writes). Anything else goes on down the chain unchanged:
 * another address, a form with anything wrong or missing (nothing was done with it; the controller's page says what),
 * or a complete answer that was not stored, with the reason in {@link #OUTCOME} for the controller to show. It runs
 * after the answer-body limit has read the body and after the refused-characters filter, and within the
 * database-unavailable filter, which answers 503 when the database is away (ADR 0030).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class QuickSubmit extends OncePerRequestFilter {

    /** Request attribute: why a complete answer was not stored ({@link Submissions.Outcome}). */
    static final String OUTCOME = QuickSubmit.class.getName() + ".outcome";

    /** Only plain addresses: anything with an encoded character, a dot segment or a parameter takes the usual way. */
    private static final Pattern ANSWER = Pattern.compile("/s/(iit|eit)/([A-Za-z0-9][A-Za-z0-9-]{0,39})");

    private final Submissions submissions;
    private final RespondentHeaders headers = new RespondentHeaders();
    private final Clock clock;

    QuickSubmit(Submissions submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ANSWER.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = ANSWER.matcher(path(request));
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        java.time.Instant now = clock.instant();
        if (!(submissions.judge(m.group(1), m.group(2), request, now) instanceof Submissions.Ready ready)) {
            chain.doFilter(request, response);
            return;
        }
        Submissions.Outcome outcome = submissions.store(ready, request, response, now);
        if (outcome != Submissions.Outcome.STORED) {
            request.setAttribute(OUTCOME, outcome);
            chain.doFilter(request, response);
            return;
        }
        headers.writeHeaders(request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + ready.thanksPath());
        response.setContentLength(0);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
