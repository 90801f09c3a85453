package org.openita.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers from a filter, before any controller runs: an RFC 9457 problem detail for the API (the same shape
 * as the API's own answers), or the error page for a person, both with a stable code and Thai and English text.
 */
public final class ProblemResponse {

    /** Request attributes the error page reads: the message key to show and the stable code. */
    public static final String MESSAGE_KEY = "openita.error.messageKey";
    public static final String MESSAGE_ARGS = "openita.error.messageArgs";
    public static final String CODE = "openita.error.code";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponse() {
    }

    /** Whether this request is for the API, which answers in problem details. */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    public static void problem(HttpServletResponse response, int status, String code, String en, String th) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://openita.org/problems/" + code);
        body.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", en);
        body.put("code", code);
        body.put("detailTh", th);
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** The error page with this status, message (from messages.properties) and code. */
    public static void page(HttpServletRequest request, HttpServletResponse response, int status, String code, String messageKey,
                            Object... args) throws IOException {
        request.setAttribute(MESSAGE_KEY, messageKey);
        request.setAttribute(MESSAGE_ARGS, args);
        request.setAttribute(CODE, code);
        response.sendError(status);
    }
}
