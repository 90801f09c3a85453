package org.openita.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, at the door, a request whose parameters (query or form fields, parts of a form upload but not the
 * files themselves) hold a character OpenITA never stores ({@link TextInput}): a 400 naming the field, so a
 * NUL in a measure's title is a plain message and not a database error. JSON bodies are checked by
 * {@link JsonTextCheck}; uploaded files by their importers, row by row.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RefusedCharacters extends OncePerRequestFilter {

    static final String CODE = "control-character";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> params;
        try {
            params = request.getParameterMap();
        } catch (IllegalStateException e) {
            // an upload the container could not read (too large, malformed): UploadLimit has answered or will
            chain.doFilter(request, response);
            return;
        }
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            String field = p.getKey();
            int inName = TextInput.firstRefused(field);
            if (inName >= 0) {
                refuse(request, response, "?", TextInput.codePoint(field, inName));
                return;
            }
            for (String value : p.getValue()) {
                int at = TextInput.firstRefused(value);
                if (at >= 0) {
                    refuse(request, response, TextInput.quote(field, 40), TextInput.codePoint(value, at));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String field, String character) throws IOException {
        if (ProblemResponse.isApi(request)) {
            ProblemResponse.problem(response, 400, CODE, "field \"" + field + "\" holds the control character " + character + ", which is not accepted",
                    "ช่อง \"" + field + "\" มีอักขระควบคุม " + character + " ซึ่งรับไม่ได้");
        } else {
            ProblemResponse.page(request, response, 400, CODE, "error.controlCharacter", field, character);
        }
    }
}
