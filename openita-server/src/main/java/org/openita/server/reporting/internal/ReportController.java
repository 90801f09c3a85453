package org.openita.server.reporting.internal;

import org.openita.report.ReportFormat;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.reporting.AnalysisReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The analysis report as a download (DOCX, PDF) or a page (HTML): the demo agency's, or an agency's for a year. */
@Controller
class ReportController {

    private final AnalysisReports reports;
    private final AgencyAccess access;

    ReportController(AnalysisReports reports, AgencyAccess access) {
        this.reports = reports;
        this.access = access;
    }

    /** An agency's analysis report for a year, for everyone allowed to see that agency. */
    @GetMapping("/agency/{code}/results/{year}/report.{format}")
    ResponseEntity<byte[]> agencyReport(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable String format,
                                        @RequestParam(defaultValue = "thai") String digits, Authentication auth) {
        access.requireVisible(auth, code);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return reports.agency(code, year, f, digits).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/demo/report.{format}")
    ResponseEntity<byte[]> demoReport(@PathVariable String format, @RequestParam(defaultValue = "thai") String digits) {
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown report format"));
        return reports.demo(f, digits);
    }
}
