package org.openita.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the limit is turned away before anything reads its parameters (reading them would
 * make the servlet container fail the whole request with its own error page): the browser is sent to a page
 * that says the file is too large. The container reads and discards the rest of the upload
 * (server.tomcat.max-swallow-size), so the browser receives the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit extends OncePerRequestFilter {

    static final String PAGE = "/upload-too-large";

    private final long maxRequest;

    UploadLimit(@Value("${spring.servlet.multipart.max-request-size:51MB}") DataSize maxRequest) {
        this.maxRequest = maxRequest.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxRequest) {
            tooLarge(response, request);
            return;
        }
        try {
            // Read the parts here, where a failure can still be answered with our own page: a file just over the
            // limit inside a request under it, or an upload without a declared length, fails only now.
            request.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            // RuntimeException: the container's own for a part it refuses, such as a file name holding NUL
            if (sizeExceeded(e)) {
                tooLarge(response, request);
            } else {
                ProblemResponse.page(request, response, HttpStatus.BAD_REQUEST.value(), "bad-upload", "error.badUpload");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletResponse response, HttpServletRequest request) {
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + PAGE);
        response.setHeader("Connection", "close");
    }

    /** The container's own exceptions for an upload over its limits (Tomcat names them SizeException and kin). */
    private static boolean sizeExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.endsWith("SizeException") || name.endsWith("SizeLimitExceededException") || t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }


    /** The page the browser is sent to. */
    @Controller
    static class TooLargePage {
        @GetMapping(PAGE)
        String page(Model model, HttpServletResponse response) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("status", 413);
            model.addAttribute("code", "file-too-large");
            model.addAttribute("messageKey", "error.tooLarge");
            return "error";
        }
    }
}
