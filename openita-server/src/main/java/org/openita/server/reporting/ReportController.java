package org.openita.server.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.thai.DigitStyle;
import org.openita.report.ReportFormat;
import org.openita.report.ReportOptions;
import org.openita.server.results.AgencyResult;
import org.openita.server.results.DemoAgency;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The demo agency's analysis report as a download (DOCX, PDF) or a page (HTML). */
@Controller
class ReportController {

    /** The HTML report carries its own styles and fonts inline and runs no script. */
    static final String HTML_REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final DemoAgency demo;
    private final org.openita.server.results.OfficialResults results;
    private final org.openita.server.identity.AgencyAccess access;
    private final org.openita.server.measures.MeasurePlans plans;

    ReportController(DemoAgency demo, org.openita.server.results.OfficialResults results, org.openita.server.identity.AgencyAccess access,
                     org.openita.server.measures.MeasurePlans plans) {
        this.plans = plans;
        this.demo = demo;
        this.results = results;
        this.access = access;
    }

    /** An agency's analysis report for a year, for everyone allowed to see that agency. */
    @GetMapping("/agency/{code}/results/{year}/report.{format}")
    ResponseEntity<byte[]> agencyReport(@PathVariable String code, @PathVariable int year, @PathVariable String format,
                                        @RequestParam(defaultValue = "thai") String digits,
                                        org.springframework.security.core.Authentication auth) {
        if (!access.canSee(auth, code)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        return agencyReport(code, year, f, digits);
    }

    /** The analysis report from the stored results, with the agency's confirmed measures when it has confirmed them. */
    ResponseEntity<byte[]> agencyReport(String code, int year, ReportFormat f, String digits) {
        Analysis analysis = results.analysis(code, year).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var confirmed = plans.confirmedMeasures(code, year);
        if (confirmed.isPresent()) {
            analysis = analysis.withMeasures(confirmed.get());
        }
        return render(f, analysis, confirmed.isPresent(), digits, code + "-" + year);
    }

    @GetMapping("/demo/report.{format}")
    ResponseEntity<byte[]> demoReport(@PathVariable String format, @RequestParam(defaultValue = "thai") String digits) {
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "unknown report format"));
        return render(f, demo.result(), demo.previous(), digits, "demo");
    }

    private ResponseEntity<byte[]> render(ReportFormat f, AgencyResult now, AgencyResult before, String digits, String name) {
        int year = now.framework().year().buddhistEra();
        Analysis analysis = Analyzer.analyze(now.framework(), now.score(), before == null ? null : before.score(), now.profile(),
                KnowledgeBaseLoader.shipped(year), AnalysisOptions.DEFAULT);
        return render(f, analysis, false, digits, name);
    }

    private ResponseEntity<byte[]> render(ReportFormat f, Analysis analysis, boolean confirmed, String digits, String name) {
        int year = analysis.framework().year().buddhistEra();
        ReportOptions options = new ReportOptions("arabic".equals(digits) ? DigitStyle.ARABIC : DigitStyle.THAI,
                LocalDate.now(ZoneId.of("Asia/Bangkok")), null, confirmed);
        byte[] body = f.render(analysis, options);
        String fileName = "ita-" + year + "-analysis-report" + (name.equals("demo") ? "" : "-" + name) + "." + f.extension();
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
