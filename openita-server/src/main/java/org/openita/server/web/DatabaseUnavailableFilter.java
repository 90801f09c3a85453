package org.openita.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database cannot be reached, every request that needs it is answered {@code 503} with
 * {@code Retry-After: 5}: a short page in Thai and English, or a problem detail for the API. This filter wraps every
 * other (Spring Session's, which reads the session from the database, and Spring Security's included), so a failure
 * raised anywhere below it is caught; the page is written here, from the two message files, without a template or a
 * session, since both could need the database again. Once a response has started it can no longer be changed: such a
 * failure is passed on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    static final String CODE = "database-unavailable";

    private final MessageSource messages;

    DatabaseUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unavailable on {} {}: answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String th = messages.getMessage("error.database.unavailable", null, WebConfiguration.THAI);
        String en = messages.getMessage("error.database.unavailable", null, Locale.ENGLISH);
        if (ProblemResponse.isApi(request)) {
            ProblemResponse.problem(response, 503, CODE, en, th);
            return;
        }
        String title = messages.getMessage("error.database.unavailable.title", null, WebConfiguration.THAI);
        String titleEn = messages.getMessage("error.database.unavailable.title", null, Locale.ENGLISH);
        response.setStatus(503);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " / " + HtmlUtils.htmlEscape(titleEn) + "</title></head>\n<body><main>"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p data-testid=\"error-text\">" + HtmlUtils.htmlEscape(th) + "</p>"
                + "<h2 lang=\"en\">" + HtmlUtils.htmlEscape(titleEn) + "</h2><p lang=\"en\">" + HtmlUtils.htmlEscape(en) + "</p>"
                + "<p data-testid=\"error-status\">503 · " + CODE + "</p></main></body></html>\n");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
