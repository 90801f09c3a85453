package org.openita.server.api.internal;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every API error as an RFC 9457 problem detail: {@code type} https://openita.org/problems/{code}, the
 * stable {@code code}, {@code detail} in English and {@code detailTh} in Thai, and {@code problems} with
 * the row, column or field of each when there are several.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    static final String TYPE = "https://openita.org/problems/";

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String en, String th, List<?> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, en);
        pd.setType(URI.create(TYPE + code));
        pd.setTitle(status.getReasonPhrase());
        pd.setInstance(instance());
        pd.setProperty("code", code);
        pd.setProperty("detailTh", th);
        if (problems != null && !problems.isEmpty()) {
            pd.setProperty("problems", problems);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /**
     * The request's path as the problem's instance, cut to 100 characters: left unset, Spring would fill in the whole
     * path, and an answer must not repeat a long stretch of what was sent.
     */
    static URI instance() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet)) {
            return null;
        }
        String path = servlet.getRequest().getRequestURI();
        if (path.length() > 100) {
            path = path.substring(0, 100);
            int escape = path.lastIndexOf('%');
            if (escape > path.length() - 3) {
                path = path.substring(0, escape); // not in the middle of an escape
            }
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create("/api");
        }
    }

    /** Where in a JSON body a value was: field names and indexes only (never the name of a Java class). */
    static String field(tools.jackson.databind.DatabindException e) {
        StringBuilder s = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return org.openita.server.web.TextInput.quote(s.toString(), 80);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> answer = problem(e.status, e.code, e.getMessage(), e.th, e.problems);
        return e.retryAfter <= 0 ? answer
                : ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfter)).body(answer.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.openita.server.web.RefusedCharacterException r) {
                String field = field(r);
                return problem(HttpStatus.BAD_REQUEST, "control-character",
                        "a string (" + field + ") holds the control character " + r.character() + ", which is not accepted; nothing was saved",
                        "ข้อความในช่อง (" + field + ") มีอักขระควบคุม " + r.character() + " ซึ่งรับไม่ได้ ไม่มีข้อมูลใดถูกบันทึก", null);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "the request body is not valid JSON of the expected shape",
                "เนื้อหาคำขอไม่ใช่ JSON ตามรูปแบบที่กำหนด", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "send text/csv, application/json or an XLSX workbook (" + ResultsApi.XLSX + ")",
                "ส่งไฟล์ประเภท text/csv, application/json หรือ XLSX เท่านั้น", null);
    }

    /**
     * An address whose agency code is not shaped like one names no agency: "not found", as for an agency that does not
     * exist or is not yours to see (ADR 0018). Any other value that is not of its type (a year "abc") is a bad parameter.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() == org.openita.server.agency.AgencyCode.class) {
            return api(ApiException.notFound());
        }
        String value = org.openita.server.web.TextInput.quote(String.valueOf(e.getValue()), 40);
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "\"" + value + "\" is not a valid " + e.getName(),
                "\"" + value + "\" ไม่ใช่ค่า " + e.getName() + " ที่ถูกต้อง", null);
    }

    /** A text used as an agency code that is not one (read from a path or a body): no agency has it. */
    @ExceptionHandler(org.openita.server.agency.AgencyCode.Invalid.class)
    ResponseEntity<ProblemDetail> invalidAgencyCode() {
        return api(ApiException.notFound());
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> database(org.springframework.dao.DataAccessException e) {
        if (org.openita.server.web.DatabaseUnavailable.causes(e)) {
            return unavailable(e);
        }
        if (e instanceof org.springframework.dao.PessimisticLockingFailureException || e instanceof org.springframework.dao.TransientDataAccessException) {
            log.warn("database busy during an API call", e);
            return api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "database-busy", "the database is busy and nothing was changed; try again",
                    "ฐานข้อมูลไม่ว่างในขณะนี้ ไม่มีข้อมูลใดถูกเปลี่ยน โปรดลองอีกครั้ง", null).retryAfter(30));
        }
        log.error("database failure during an API call", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "database-error", "the database failed and nothing was changed",
                "ฐานข้อมูลขัดข้อง ไม่มีข้อมูลใดถูกเปลี่ยน", null);
    }

    /** The database cannot be reached (stopped, restarting, or no connection within the pool's timeout): 503, try again soon. */
    private ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("database unavailable during an API call: {}", e.toString());
        return api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "the database cannot be reached at the moment and nothing was changed; try again in a few seconds",
                "ขณะนี้เชื่อมต่อฐานข้อมูลไม่ได้ ไม่มีข้อมูลใดถูกเปลี่ยน โปรดลองอีกครั้งในอีกสักครู่", null)
                .retryAfter(org.openita.server.web.DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(org.springframework.web.bind.MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-header", "the request lacks the " + e.getHeaderName() + " header",
                "คำขอไม่มีส่วนหัว " + e.getHeaderName(), null);
    }

    /** Anything else: logged in full, answered without its details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (org.openita.server.web.DatabaseUnavailable.causes(e)) {
            return unavailable(e); // e.g. a transaction that could not get its connection
        }
        if (e instanceof org.springframework.web.ErrorResponse er && er.getStatusCode().is4xxClientError()) {
            HttpStatus s = HttpStatus.valueOf(er.getStatusCode().value());
            return problem(s, "bad-request", s.getReasonPhrase(), "คำขอไม่ถูกต้อง", null);
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("unexpected failure during an API call", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "the server failed and nothing was changed",
                "เซิร์ฟเวอร์ขัดข้อง ไม่มีข้อมูลใดถูกเปลี่ยน", null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus s = HttpStatus.valueOf(e.getStatusCode().value());
        return s == HttpStatus.NOT_FOUND ? api(ApiException.notFound()) : s == HttpStatus.FORBIDDEN ? api(ApiException.forbidden())
                : problem(s, "error", s.getReasonPhrase(), s.getReasonPhrase(), null);
    }
}
