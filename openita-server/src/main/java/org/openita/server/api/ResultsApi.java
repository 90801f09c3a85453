package org.openita.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.openita.core.interchange.ScoreResultWriter;
import org.openita.server.results.AgencyResult;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.web.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.openita.server.identity.AgencyAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Official results: import a file (CSV, XLSX, or the JSON of openita score) and read an agency's results. */
@RestController
@Tag(name = "Results", description = "Official results: import and read")
class ResultsApi {

    static final String XLSX = MediaTypes.XLSX;

    private final ResultImports imports;
    private final OfficialResults results;
    private final AgencyAccess access;

    ResultsApi(ResultImports imports, OfficialResults results, AgencyAccess access) {
        this.imports = imports;
        this.results = results;
        this.access = access;
    }

    @Operation(summary = "Import official results of any agencies you manage",
            description = "The body is the file: text/csv (the template's Thai headers), an XLSX workbook, or application/json "
                    + "(one result of openita score or an array of them). All rows are checked; if any is wrong nothing is saved "
                    + "and the answer is 422 import-rejected with every problem by row and column.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the results file itself", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv"),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE)})
    @PostMapping(path = "/api/v1/results", consumes = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    ImportSummary importAny(jakarta.servlet.http.HttpServletRequest request, @RequestHeader("Content-Type") String type, Authentication auth)
            throws IOException {
        return importFile(request, type, auth, code -> access.canManage(auth, code));
    }

    @Operation(summary = "Import official results of one agency", description = "As /api/v1/results, limited to this agency.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the results file itself", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv"),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE)})
    @PostMapping(path = "/api/v1/agencies/{code}/results", consumes = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    ImportSummary importOne(@PathVariable String code, jakarta.servlet.http.HttpServletRequest request,
                                  @RequestHeader("Content-Type") String type, Authentication auth) throws IOException {
        access.requireManageable(auth, code);
        return importFile(request, type, auth, code::equals);
    }

    private ImportSummary importFile(jakarta.servlet.http.HttpServletRequest request, String type, Authentication auth,
                                           Predicate<String> allowed) throws IOException {
        ResultFile.Format format = type.startsWith("text/csv") ? ResultFile.Format.CSV
                : type.startsWith(MediaType.APPLICATION_JSON_VALUE) ? ResultFile.Format.JSON : ResultFile.Format.XLSX;
        OfficialResults.Report report;
        try {
            report = imports.run(auth.getName(), format, request.getInputStream(), allowed);
        } catch (org.openita.server.upload.FileTooLargeException e) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", e.getMessage(),
                    "ไฟล์ใหญ่เกิน " + ResultImports.MAX_BYTES / (1024 * 1024) + " MB", null);
        } catch (ResultImports.BusyException e) {
            throw new ApiException(e.yours() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE, e.code(), e.getMessage(), e.th(), null)
                    .retryAfter(60);
        } catch (ResultImports.FailedException e) {
            HttpStatus status = e.clientFault() ? HttpStatus.UNPROCESSABLE_CONTENT
                    : e.transientFault() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
            ApiException problem = new ApiException(status, e.code(), e.getMessage(), e.th(), null);
            throw e.transientFault() ? problem.retryAfter(30) : problem;
        }
        if (!report.ok()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected",
                    "nothing was imported: " + report.rows() + " rows read, " + (report.problems().size() + report.moreProblems()) + " problems",
                    "ไม่ได้นำเข้าข้อมูลใดเลย: อ่าน " + report.rows() + " แถว พบปัญหา " + (report.problems().size() + report.moreProblems()) + " รายการ",
                    report.problems());
        }
        return new ImportSummary(report.rows(), report.saved());
    }

    /** What an import read and saved. */
    record ImportSummary(int rows, int saved) {
    }

    /** The fiscal years an agency has results for, newest first. */
    record ResultYears(String agencyCode, java.util.List<Integer> years) {
    }

    @Operation(summary = "The fiscal years an agency has results for, newest first")
    @GetMapping("/api/v1/agencies/{code}/results")
    ResultYears years(@PathVariable String code, Authentication auth) {
        access.requireVisible(auth, code);
        return new ResultYears(code, results.years(code));
    }

    @Operation(summary = "An agency's results for a year",
            description = "In the fields of openita score (docs/schemas/score-output.schema.json), whose checks list every "
                    + "imported figure beside the recomputed one, the difference, whether it is above 0.01, and the rule that recomputes it.")
    @GetMapping("/api/v1/agencies/{code}/results/{year}")
    Map<String, Object> result(@PathVariable String code, @PathVariable int year, Authentication auth) {
        access.requireVisible(auth, code);
        AgencyResult r = results.result(code, year).orElseThrow(ApiException::notFound);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agencyCode", code);
        out.putAll(ScoreResultWriter.toMap(r.score()));
        return out;
    }
}
