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
            String type = request.getContentType();
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                // an upload the container could not read (too large, malformed): UploadLimit has answered or will
                chain.doFilter(request, response);
                return;
            }
            // a form the container could not read (larger than it takes, too many fields, broken encoding): nothing in it
            // could be checked, so nothing in it is used
            unreadable(request, response, statusOf(e));
            return;
        }
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            String field = p.getKey();
            int inName = TextInput.firstRefused(field);
            if (inName >= 0) {
                refuse(request, response, "?", TextInput.codePoint(field, inName));
                return;
            }
            if ((field.indexOf('[') >= 0 || field.indexOf(']') >= 0) && !INDEXED.matcher(field).matches()) {
                // Spring would fail binding name[abc] or name[99999] to a list with an exception of its own (a 500)
                unreadable(request, response, 400);
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

    /**
     * The only field names with brackets a form of OpenITA sends: a list's name and one index, a whole number below
     * Spring's limit for growing a list (256). Spring fails on others (name[abc], name[99999], name[0][0]) with an
     * exception of its own, a server error.
     */
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*\\[(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\\]");

    /** The status the container gave a form it could not read (413 when too large), when it says; otherwise 400. */
    private static int statusOf(IllegalStateException e) {
        try {
            Object code = e.getClass().getMethod("getErrorCode").invoke(e);
            if (code instanceof Integer status && status >= 400 && status < 500) {
                return status;
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // a container that does not say: a bad request
        }
        return 400;
    }

    private static void unreadable(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        boolean tooLarge = status == 413;
        String code = tooLarge ? "request-too-large" : "unreadable-form";
        if (ProblemResponse.isApi(request)) {
            ProblemResponse.problem(response, status, code, tooLarge ? "the request is larger than the server takes; nothing was saved"
                            : "the request's fields cannot be read (too many of them, a malformed name or encoding); nothing was saved",
                    tooLarge ? "คำขอมีขนาดใหญ่เกินกว่าที่ระบบรับได้ ไม่มีข้อมูลใดถูกบันทึก" : "อ่านช่องข้อมูลของคำขอไม่ได้ (มีมากเกินไป หรือชื่อหรือการเข้ารหัสผิดรูปแบบ) ไม่มีข้อมูลใดถูกบันทึก");
        } else {
            ProblemResponse.page(request, response, status, code, tooLarge ? "error.formTooLarge" : "error.unreadableForm");
        }
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
