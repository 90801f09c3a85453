package org.openita.server.api;

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
class ApiProblems {

    static final String TYPE = "https://openita.org/problems/";

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String en, String th, List<?> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, en);
        pd.setType(URI.create(TYPE + code));
        pd.setTitle(status.getReasonPhrase());
        pd.setProperty("code", code);
        pd.setProperty("detailTh", th);
        if (problems != null && !problems.isEmpty()) {
            pd.setProperty("problems", problems);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status, e.code, e.getMessage(), e.th, e.problems);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "the request body is not valid JSON of the expected shape",
                "เนื้อหาคำขอไม่ใช่ JSON ตามรูปแบบที่กำหนด", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "send text/csv, application/json or an XLSX workbook (" + ResultsApi.XLSX + ")",
                "ส่งไฟล์ประเภท text/csv, application/json หรือ XLSX เท่านั้น", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "\"" + e.getValue() + "\" is not a valid " + e.getName(),
                "\"" + e.getValue() + "\" ไม่ใช่ค่า " + e.getName() + " ที่ถูกต้อง", null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus s = HttpStatus.valueOf(e.getStatusCode().value());
        return s == HttpStatus.NOT_FOUND ? api(ApiException.notFound()) : s == HttpStatus.FORBIDDEN ? api(ApiException.forbidden())
                : problem(s, "error", s.getReasonPhrase(), s.getReasonPhrase(), null);
    }
}
