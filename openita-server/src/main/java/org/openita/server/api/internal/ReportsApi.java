package org.openita.server.api.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openita.report.ReportFormat;
import org.openita.server.measures.FollowUpReports;
import org.openita.server.reporting.AnalysisReports;
import org.springframework.http.ResponseEntity;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analysis report and the follow-up report of an agency's year, as DOCX, PDF or HTML. */
@RestController
@Tag(name = "Reports", description = "Analysis and follow-up reports")
class ReportsApi {

    private final AnalysisReports analysis;
    private final FollowUpReports followUp;
    private final AgencyAccess access;

    ReportsApi(AnalysisReports analysis, FollowUpReports followUp, AgencyAccess access) {
        this.analysis = analysis;
        this.followUp = followUp;
        this.access = access;
    }

    private static ReportFormat format(String f) {
        return ReportFormat.of(f).orElseThrow(ApiException::notFound);
    }

    @Operation(summary = "The analysis report (format docx, pdf or html; digits thai or arabic)")
    @GetMapping("/api/v1/agencies/{code}/reports/{year}/analysis.{format}")
    ResponseEntity<byte[]> analysis(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable String format,
                                    @RequestParam(defaultValue = "thai") String digits, Authentication auth) {
        access.requireVisible(auth, code);
        return analysis.agency(code, year, format(format), digits).orElseThrow(ApiException::notFound);
    }

    @Operation(summary = "The follow-up report on the measures (format docx, pdf or html; digits thai or arabic)")
    @GetMapping("/api/v1/agencies/{code}/reports/{year}/follow-up.{format}")
    ResponseEntity<byte[]> followUp(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable String format,
                                    @RequestParam(defaultValue = "thai") String digits, Authentication auth) {
        access.requireVisible(auth, code);
        return followUp.download(code, year, format(format), digits);
    }
}
