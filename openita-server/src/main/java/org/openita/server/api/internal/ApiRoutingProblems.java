package org.openita.server.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors found before any API method is chosen (an unknown address, a wrong method or media type) are
 * problem details too when the address is under /api/; elsewhere they are left to the pages' handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingProblems {

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> routing(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "send text/csv, application/json or an XLSX workbook (" + ResultsApi.XLSX + ")",
                    "ส่งไฟล์ประเภท text/csv, application/json หรือ XLSX เท่านั้น", null);
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", m.getMethod() + " is not allowed here",
                    "ใช้คำสั่ง " + m.getMethod() + " กับที่อยู่นี้ไม่ได้", null);
        }
        return ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "nothing here, or you may not see it", "ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง", null);
    }
}
