package org.openita.server.api.internal;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An API error with its stable code, a message in English and Thai, and the detailed problems if any. */
class ApiException extends RuntimeException {

    final HttpStatus status;
    final String code;
    final String th;
    final List<?> problems;
    /** Seconds after which trying again may succeed, sent as Retry-After; 0 for none. */
    int retryAfter;

    ApiException(HttpStatus status, String code, String en, String th, List<?> problems) {
        super(en);
        this.status = status;
        this.code = code;
        this.th = th;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    ApiException retryAfter(int seconds) {
        this.retryAfter = seconds;
        return this;
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "nothing here, or you may not see it", "ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง", null);
    }

    static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "you may read this agency's data but not change it",
                "คุณดูข้อมูลของหน่วยงานนี้ได้ แต่แก้ไขไม่ได้", null);
    }
}
