package org.openita.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.web.context.request.WebRequest;

/**
 * What a person sees when a page fails: the error page with a plain Thai or English message and a stable
 * code, never a stack trace, an SQL statement or a library's message. Database failures are logged in full
 * for the administrator. The API answers its own failures as problem details (api.ApiProblems, checked first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(DataAccessException.class)
    String database(DataAccessException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (DatabaseUnavailable.causes(e)) {
            throw e; // answered 503 by DatabaseUnavailableFilter, without this page's template, which may need the database
        }
        boolean busy = e instanceof PessimisticLockingFailureException || e instanceof TransientDataAccessException;
        if (busy) {
            log.warn("database busy on {}", request.getRequestURI(), e);
            response.setHeader("Retry-After", "30");
        } else {
            log.error("database failure on {}", request.getRequestURI(), e);
        }
        int status = busy ? 503 : 500;
        return page(response, model, status, busy ? "database-busy" : "database-error", busy ? "error.database.busy" : "error.database");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        return page(response, model, 413, "file-too-large", "error.tooLarge");
    }

    @ExceptionHandler(MultipartException.class)
    String badUpload(HttpServletResponse response, Model model) {
        return page(response, model, 400, "bad-upload", "error.badUpload");
    }

    private static String page(HttpServletResponse response, Model model, int status, String code, String messageKey) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("errorCode", code);
        model.addAttribute("messageKey", messageKey);
        return "error";
    }

    /**
     * The container's error page (/error) shows the message key and code a filter left (see ProblemResponse). The code is
     * named errorCode, not code: a page rendered for a request to /agency/{code}/... sees its path variables as model
     * attributes, and would otherwise show the agency's code (as long as the address) as the error's.
     */
    @Bean
    static ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                Object key = request.getAttribute(ProblemResponse.MESSAGE_KEY, WebRequest.SCOPE_REQUEST);
                if (key != null) {
                    attributes.put("messageKey", key);
                    attributes.put("messageArgs", request.getAttribute(ProblemResponse.MESSAGE_ARGS, WebRequest.SCOPE_REQUEST));
                    attributes.put("errorCode", request.getAttribute(ProblemResponse.CODE, WebRequest.SCOPE_REQUEST));
                }
                return attributes;
            }
        };
    }
}
