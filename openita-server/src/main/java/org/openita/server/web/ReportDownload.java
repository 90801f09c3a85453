package org.openita.server.web;

import java.time.LocalDate;
import org.openita.core.thai.DigitStyle;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A rendered report as an HTTP answer: DOCX and PDF as attachments, HTML shown in the browser under a strict policy. */
public final class ReportDownload {

    /** The HTML report carries its own styles and fonts inline and runs no script. */
    public static final String HTML_REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private ReportDownload() {
    }

    /** Report options from the ?digits= parameter ("arabic", anything else Thai). */
    public static ReportOptions options(String digits, LocalDate date, boolean confirmedMeasures) {
        return new ReportOptions("arabic".equals(digits) ? DigitStyle.ARABIC : DigitStyle.THAI, date, null, confirmedMeasures);
    }

    /** Options for the copy anyone may download (see {@link ReportOptions#publicCopy()}). */
    public static ReportOptions publicOptions(String digits, LocalDate date, boolean confirmedMeasures) {
        return new ReportOptions(options(digits, date, confirmedMeasures).digits(), date, null, confirmedMeasures, true);
    }

    /** @param name the file name without extension */
    public static ResponseEntity<byte[]> of(ReportFormat f, byte[] body, String name) {
        String fileName = name + "." + f.extension();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(f.mediaType()));
        if (f == ReportFormat.HTML) {
            headers.set("Content-Security-Policy", HTML_REPORT_POLICY);
            headers.setContentDisposition(ContentDisposition.inline().filename(fileName).build());
        } else {
            headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
        }
        return ResponseEntity.ok().headers(headers).body(body);
    }
}
