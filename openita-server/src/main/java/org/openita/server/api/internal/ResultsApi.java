package org.openita.server.api.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.function.Predicate;
import org.openita.core.framework.FiscalYear;
import org.openita.core.interchange.ScoreOutput;
import org.openita.core.interchange.ScoreResultWriter;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.framework.DefinitionVersion;
import org.openita.server.results.AgencyResult;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.web.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private final org.openita.server.results.ComputedResults computed;

    ResultsApi(ResultImports imports, OfficialResults results, AgencyAccess access, org.openita.server.results.ComputedResults computed) {
        this.imports = imports;
        this.computed = computed;
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
    ImportSummary importOne(@PathVariable AgencyCode code, jakarta.servlet.http.HttpServletRequest request,
                                  @RequestHeader("Content-Type") String type, Authentication auth) throws IOException {
        access.requireManageable(auth, code);
        return importFile(request, type, auth, code::equals);
    }

    private ImportSummary importFile(jakarta.servlet.http.HttpServletRequest request, String type, Authentication auth,
                                           Predicate<AgencyCode> allowed) throws IOException {
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
        return new ImportSummary(report.rows(), report.saved(), report.encoding());
    }

    /** What an import read and saved, and for a CSV file the text encoding it was read in (UTF-8 or windows-874). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ImportSummary(int rows, int saved, String encoding) {
    }

    /** The fiscal years an agency has results for, newest first. */
    record ResultYears(String agencyCode, java.util.List<Integer> years) {
    }

    @Operation(summary = "The fiscal years an agency has results for, newest first")
    @GetMapping("/api/v1/agencies/{code}/results")
    ResultYears years(@PathVariable AgencyCode code, Authentication auth) {
        access.requireVisible(auth, code);
        return new ResultYears(code.value(), results.years(code).stream().map(FiscalYear::buddhistEra).toList());
    }

    /**
     * An agency's results for a year: its code, the fields of openita score (docs/schemas/score-output.schema.json) at the
     * same level, and the definition version they were scored under.
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"agencyCode", "source"})
    record AgencyResultAnswer(String agencyCode, ResultSource source, @com.fasterxml.jackson.annotation.JsonUnwrapped ScoreOutput score,
                              Definition definitionVersion) {
    }

    /**
     * Where the stored result came from: "official" (imported as the NACC announced it) or "computed" (by OpenITA from
     * the agency's own survey answers: how many responses, by part, the label the results page shows, and the parts
     * that had fewer responses than their minimum).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ResultSource(String kind, Integer responses, java.util.Map<String, Integer> responsesByPart, String th, String en,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                        java.util.List<BelowMinimum> belowMinimum) {

        static ResultSource of(java.util.Optional<org.openita.server.results.ResultBasis> basis) {
            return basis.map(b -> new ResultSource("computed", b.total(), b.responsesByPart(), b.label(false), b.label(true),
                            b.belowMinimum().stream().map(m -> new BelowMinimum(m.part(), m.responses(), m.minimum())).toList()))
                    .orElse(new ResultSource("official", null, null, null, null, null));
        }
    }

    /** A survey part of a computed result that had fewer responses than the minimum for the agency when it closed. */
    record BelowMinimum(String part, int responses, int minimum) {
    }

    /**
     * The framework definition version results were scored under: the year, the file's version field, and, when the
     * stored version is the active one, its SHA-256 and when it became active (ADR 0013).
     */
    record Definition(int fiscalYear, String version, String sha256, java.time.OffsetDateTime activatedAt) {

        static Definition of(AgencyResult r, java.util.Optional<DefinitionVersion> stored) {
            return new Definition(r.framework().year().buddhistEra(), r.framework().version(),
                    stored.map(DefinitionVersion::sha256).orElse(null), stored.map(DefinitionVersion::activatedAt).orElse(null));
        }
    }

    @Operation(summary = "An agency's results for a year",
            description = "In the fields of openita score (docs/schemas/score-output.schema.json), whose checks list every "
                    + "imported figure beside the recomputed one, the difference, whether it is above 0.01, and the rule that recomputes it; "
                    + "definitionVersion names the framework definition version they were scored under.")
    @GetMapping("/api/v1/agencies/{code}/results/{year}")
    AgencyResultAnswer result(@PathVariable AgencyCode code, @PathVariable FiscalYear year, Authentication auth) {
        access.requireVisible(auth, code);
        AgencyResult r = results.result(code, year).orElseThrow(ApiException::notFound);
        return new AgencyResultAnswer(code.value(), ResultSource.of(computed.basis(code, year)), ScoreResultWriter.output(r.score()),
                Definition.of(r, results.definitionVersion(r)));
    }
}
