package org.openita.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openita.core.framework.FiscalYear;
import org.openita.core.thai.ThaiFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Typed values in addresses (ADR 0018). A page's path variable that is not a value of its type (an agency code with a
 * space, a year "abc" or 99999) names no page, so it is "not found", never a server failure; a request parameter of the
 * wrong type stays a bad request. The API answers the same cases as problem details (api's ApiProblems, checked first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class PathValues {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException, MethodArgumentTypeMismatchException {
        if (!e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            throw e; // left to Spring's own handling: 400
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** A fiscal year in an address: Buddhist-era digits (Arabic or Thai), 2500 to 2700; anything else is refused. */
    @Component
    static final class FiscalYearFromText implements Converter<String, FiscalYear> {
        @Override
        public FiscalYear convert(String text) {
            String digits = ThaiFormat.toArabicDigits(text.strip());
            if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a fiscal year");
            }
            return FiscalYear.of(Integer.parseInt(digits));
        }
    }
}
