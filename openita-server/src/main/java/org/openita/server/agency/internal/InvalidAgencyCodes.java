package org.openita.server.agency.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openita.server.agency.AgencyCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that turns text into an {@link AgencyCode} (AgencyCode.of) and meets text that is not one answers "not found":
 * no agency has that code, and the answer is the same as for one that does not exist or is not yours to see (ADR 0018).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class InvalidAgencyCodes {

    @ExceptionHandler(AgencyCode.Invalid.class)
    void invalid(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
