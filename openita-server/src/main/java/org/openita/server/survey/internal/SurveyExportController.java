package org.openita.server.survey.internal;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.web.CsvOut;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Survey responses as CSV or XLSX: an agency's year for those who manage the agency, every agency's year for the
 * central administrator. An agency's IIT with fewer than {@link ResponseExport#IIT_SMALLEST} responses is refused with
 * a page saying why; in the national file such agencies' IIT rows are left out.
 */
@Controller
class SurveyExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ResponseExport export;
    private final ResponseCounts counts;
    private final AgencyAccess access;
    private final AgencyRegistry agencies;

    SurveyExportController(ResponseExport export, ResponseCounts counts, AgencyAccess access, AgencyRegistry agencies) {
        this.export = export;
        this.counts = counts;
        this.access = access;
        this.agencies = agencies;
    }

    @GetMapping("/agency/{code}/surveys/{year}/iit.{format}")
    ResponseEntity<StreamingResponseBody> agencyIit(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                                    @PathVariable String format, Authentication auth, Locale locale) {
        return agency(code, year, SurveyPart.IIT, format, auth, locale);
    }

    @GetMapping("/agency/{code}/surveys/{year}/eit.{format}")
    ResponseEntity<StreamingResponseBody> agencyEit(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                                    @PathVariable String format, Authentication auth, Locale locale) {
        return agency(code, year, SurveyPart.EIT_PUBLIC, format, auth, locale);
    }

    /** EIT part 2: the answers and the day, as part 1 (no assessor, mode of contact or contact, ADR 0031). */
    @GetMapping("/agency/{code}/surveys/{year}/eit2.{format}")
    ResponseEntity<StreamingResponseBody> agencySurvey(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                                       @PathVariable String format, Authentication auth, Locale locale) {
        return agency(code, year, SurveyPart.EIT_SURVEY, format, auth, locale);
    }

    @GetMapping("/surveys/{year}/eit2.{format}")
    ResponseEntity<StreamingResponseBody> allSurvey(@PathVariable FiscalYear year, @PathVariable String format, Locale locale) {
        return download(new ResponseExport.Scope(Optional.empty(), year, SurveyPart.EIT_SURVEY), format, "ทุกหน่วยงาน", locale);
    }

    @GetMapping("/surveys/{year}/iit.{format}")
    ResponseEntity<StreamingResponseBody> allIit(@PathVariable FiscalYear year, @PathVariable String format, Locale locale) {
        return download(new ResponseExport.Scope(Optional.empty(), year, SurveyPart.IIT), format, "ทุกหน่วยงาน", locale);
    }

    @GetMapping("/surveys/{year}/eit.{format}")
    ResponseEntity<StreamingResponseBody> allEit(@PathVariable FiscalYear year, @PathVariable String format, Locale locale) {
        return download(new ResponseExport.Scope(Optional.empty(), year, SurveyPart.EIT_PUBLIC), format, "ทุกหน่วยงาน", locale);
    }

    /** An agency's IIT had too few responses to be shown one by one: nothing was written. */
    static final class TooFewToShow extends RuntimeException {
        final AgencyCode agency;
        final int responses;
        final int smallest;

        TooFewToShow(AgencyCode agency, int responses, int smallest) {
            super("too few responses to export", null, false, false);
            this.agency = agency;
            this.responses = responses;
            this.smallest = smallest;
        }
    }

    @ExceptionHandler(TooFewToShow.class)
    ModelAndView tooFew(TooFewToShow e) {
        ModelAndView page = new ModelAndView("survey/admin/refused");
        page.addObject("messageKey", "surveys.export.tooFew");
        page.addObject("messageArgs", new Object[] {e.responses, e.smallest});
        page.addObject("back", "/agency/" + e.agency.value() + "#surveys");
        page.setStatus(HttpStatus.CONFLICT);
        return page;
    }

    private ResponseEntity<StreamingResponseBody> agency(AgencyCode code, FiscalYear year, SurveyPart part, String format, Authentication auth,
                                                         Locale locale) {
        access.requireManageable(auth, code);
        agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (part != SurveyPart.EIT_PUBLIC) {
            int n = counts.of(code, year, part);
            if (n < part.fewestShown()) {
                throw new TooFewToShow(code, n, part.fewestShown());
            }
        }
        return download(new ResponseExport.Scope(Optional.of(code), year, part), format, code.value(), locale);
    }

    private ResponseEntity<StreamingResponseBody> download(ResponseExport.Scope scope, String format, String who, Locale locale) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String name = "คำตอบแบบสำรวจ " + switch (scope.part()) {
            case IIT -> "IIT";
            case EIT_PUBLIC -> "EIT ส่วนที่ 1";
            case EIT_SURVEY -> "EIT ส่วนที่ 2";
        } + " " + who
                + " ปีงบประมาณ " + scope.year().buddhistEra() + "." + format;
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(format.equals("csv") ? CsvOut.MEDIA_TYPE : XLSX));
        h.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
        h.setCacheControl(CacheControl.noStore());
        StreamingResponseBody body = format.equals("csv") ? (OutputStream out) -> export.csv(scope, locale, out)
                : (OutputStream out) -> export.xlsx(scope, locale, out);
        return ResponseEntity.ok().headers(h).body(body);
    }
}
