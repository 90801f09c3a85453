package org.openita.server.survey.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An answer form is a few kilobytes: a submission that declares a longer body, or none at all (chunked), is turned
 * away before anything reads it, so one client cannot hold a request thread by sending slowly a body of any size.
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
        if (length < 0) {
            refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "ส่งคำตอบไม่สำเร็จ: ไม่ทราบขนาดข้อมูลที่ส่งมา",
                    "The answer was not sent: the request did not say how long its body is.");
            return;
        }
        if (length > maxBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "ส่งคำตอบไม่สำเร็จ: ข้อมูลที่ส่งมายาวเกินกว่าแบบสำรวจ",
                    "The answer was not sent: the request is longer than any survey form.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String th, String en) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(th + "\n" + en + "\n");
    }
}
