package org.openita.server.survey.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An answer form is a few kilobytes: a submission that declares a longer body is turned away before anything reads
 * it, and any other body is read here whole, at most {@link SurveyProperties#maxBodyBytes()} bytes, and parsed, so that
 * everything after this filter works on a body already in memory (no database connection is ever held while a client
 * is still sending).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AnswerBodyLimit extends OncePerRequestFilter {

    private final int maxBytes;

    AnswerBodyLimit(SurveyProperties properties) {
        this.maxBytes = properties.maxBodyBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/s/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "ส่งคำตอบไม่สำเร็จ: ข้อมูลที่ส่งมายาวเกินกว่าแบบสำรวจ",
                    "The answer was not sent: the request is longer than any survey form.");
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "ส่งคำตอบไม่สำเร็จ: ต้องส่งจากแบบสำรวจบนหน้าเว็บ",
                    "The answer was not sent: send it from the survey's web form (application/x-www-form-urlencoded).");
            return;
        }
        // read the body here, bounded, whatever the declared length (a chunked body declares none)
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "ส่งคำตอบไม่สำเร็จ: ข้อมูลที่ส่งมายาวเกินกว่าแบบสำรวจ",
                    "The answer was not sent: the request is longer than any survey form.");
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = merged(request.getParameterMap(), new String(body, StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "ส่งคำตอบไม่สำเร็จ: ข้อมูลที่ส่งมาอ่านไม่ได้",
                    "The answer was not sent: its form data could not be read.");
            return;
        }
        chain.doFilter(new FormRequest(request, parameters), response);
    }

    /** The query's parameters with the body's added after them. */
    private static Map<String, String[]> merged(Map<String, String[]> query, String body) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        query.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            all.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(out);
    }

    /** The request with its form parameters read already. */
    private static final class FormRequest extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        FormRequest(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String th, String en) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(th + "\n" + en + "\n");
    }
}
