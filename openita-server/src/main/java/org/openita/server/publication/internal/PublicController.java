package org.openita.server.publication.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openita.core.analysis.MeasureSchedule;
import org.openita.core.framework.FiscalYear;
import org.openita.report.ReportFormat;
import org.openita.server.cycle.CycleService;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.FrameworkSummary;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.identity.Role;
import org.openita.server.measures.FollowUpReports;
import org.openita.server.measures.PlanYears;
import org.openita.server.reporting.AnalysisReports;
import org.openita.server.results.ResultPage;
import org.openita.server.web.CsvOut;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Pages anyone may open: an agency's results and reports for a year once the agency has published them
 * (/public/{code}/{year}, a stable address for its website), and the open data of every agency for a year,
 * for the central administrator always and for everyone once the year's results are announced.
 */
@Controller
class PublicController {

    private final PublicView view;
    private final AnalysisReports analysisReports;
    private final FollowUpReports followUpReports;
    private final OpenData openData;
    private final FrameworkCatalog frameworks;
    private final Clock clock;

    PublicController(PublicView view, AnalysisReports analysisReports, FollowUpReports followUpReports, OpenData openData,
                     FrameworkCatalog frameworks, Clock clock) {
        this.view = view;
        this.analysisReports = analysisReports;
        this.followUpReports = followUpReports;
        this.openData = openData;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    private PublicView.AgencyYear published(String code, int year) {
        return view.agencyYear(code, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/public/{code}/{year}")
    String page(@PathVariable String code, @PathVariable int year, Model model, Locale locale) {
        PublicView.AgencyYear shown = published(code, year);
        model.addAttribute("agency", shown.agency());
        model.addAttribute("year", year);
        model.addAttribute("page", ResultPage.of(shown.analysis(), locale));
        model.addAttribute("measuresConfirmed", shown.measuresConfirmed());
        model.addAttribute("measures", shown.plan().measures());
        // the fiscal years the confirmed measures run in, as on the plan page; while none are confirmed, the year the
        // drafts are planned in from today
        model.addAttribute("planYears", PlanYears.of(FiscalYear.of(year), shown.plan().measures(),
                MeasureSchedule.of(shown.analysis().schedule().measuresYear(), CycleService.today(clock)).year()));
        model.addAttribute("today", CycleService.today(clock));
        return "public/page";
    }

    @GetMapping("/public/{code}/{year}/report.{format}")
    ResponseEntity<byte[]> report(@PathVariable String code, @PathVariable int year, @PathVariable String format,
                                  @RequestParam(defaultValue = "thai") String digits) {
        PublicView.AgencyYear shown = published(code, year);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return analysisReports.publicCopy(shown.analysis(), shown.measuresConfirmed(), org.openita.server.agency.AgencyCode.of(code),
                org.openita.core.framework.FiscalYear.of(year), f, digits);
    }

    @GetMapping("/public/{code}/{year}/follow-up.{format}")
    ResponseEntity<byte[]> followUp(@PathVariable String code, @PathVariable int year, @PathVariable String format,
                                    @RequestParam(defaultValue = "thai") String digits) {
        PublicView.AgencyYear shown = published(code, year);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return followUpReports.publicCopy(shown.analysis(), shown.plan(), f, digits);
    }

    private boolean mayDownload(Authentication auth, int year) {
        boolean central = auth != null && auth.isAuthenticated() && AgencyAccess.has(auth, Role.CENTRAL_ADMIN);
        return central || view.openData(year);
    }

    @GetMapping("/open-data")
    String openData(Authentication auth, Model model) {
        List<Integer> years = frameworks.list().stream().map(FrameworkSummary::year).sorted(Comparator.reverseOrder()).toList();
        model.addAttribute("years", years.stream().filter(y -> mayDownload(auth, y)).toList());
        model.addAttribute("waiting", years.stream().filter(y -> !mayDownload(auth, y)).toList());
        return "public/open-data";
    }

    @GetMapping("/open-data/{year}.{format}")
    ResponseEntity<StreamingResponseBody> download(@PathVariable int year, @PathVariable String format, Authentication auth) {
        if (!mayDownload(auth, year) || !(format.equals("csv") || format.equals("json"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(format.equals("csv") ? CsvOut.MEDIA_TYPE : "application/json"));
        h.setContentDisposition(ContentDisposition.attachment().filename("ita-" + year + "-results." + format).build());
        h.setCacheControl(CacheControl.noCache());
        StreamingResponseBody body = format.equals("csv") ? (OutputStream out) -> openData.csv(year, out) : (OutputStream out) -> openData.json(year, out);
        return ResponseEntity.ok().headers(h).body(body);
    }
}
