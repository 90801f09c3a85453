package org.openita.server.publication;

import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openita.core.analysis.Analysis;
import org.openita.report.ReportFormat;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleService;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.FrameworkSummary;
import org.openita.server.identity.AgencyAccess;
import org.openita.server.identity.Role;
import org.openita.server.measures.FollowUpReports;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.reporting.AnalysisReports;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultPage;
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

    private final AgencyRegistry agencies;
    private final OfficialResults results;
    private final MeasurePlans plans;
    private final AnalysisReports analysisReports;
    private final FollowUpReports followUpReports;
    private final OpenData openData;
    private final CycleService cycles;
    private final FrameworkCatalog frameworks;

    PublicController(AgencyRegistry agencies, OfficialResults results, MeasurePlans plans, AnalysisReports analysisReports,
                     FollowUpReports followUpReports, OpenData openData, CycleService cycles, FrameworkCatalog frameworks) {
        this.agencies = agencies;
        this.results = results;
        this.plans = plans;
        this.analysisReports = analysisReports;
        this.followUpReports = followUpReports;
        this.openData = openData;
        this.cycles = cycles;
        this.frameworks = frameworks;
    }

    private Agency published(String code, int year) {
        if (!plans.published(code, year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/public/{code}/{year}")
    String page(@PathVariable String code, @PathVariable int year, Model model, Locale locale) {
        Agency agency = published(code, year);
        Analysis analysis = results.analysis(code, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MeasurePlans.Plan plan = plans.planOrEmpty(code, year);
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("page", ResultPage.of(analysis, locale));
        model.addAttribute("measures", plan.confirmed() ? plan.measures() : List.of());
        model.addAttribute("measuresYear", analysis.measuresYear());
        model.addAttribute("today", CycleService.today());
        return "public/page";
    }

    @GetMapping("/public/{code}/{year}/report.{format}")
    ResponseEntity<byte[]> report(@PathVariable String code, @PathVariable int year, @PathVariable String format,
                                  @RequestParam(defaultValue = "thai") String digits) {
        published(code, year);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return analysisReports.agency(code, year, f, digits, false).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/public/{code}/{year}/follow-up.{format}")
    ResponseEntity<byte[]> followUp(@PathVariable String code, @PathVariable int year, @PathVariable String format,
                                    @RequestParam(defaultValue = "thai") String digits) {
        published(code, year);
        ReportFormat f = ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return followUpReports.download(code, year, f, digits, false);
    }

    private boolean mayDownload(Authentication auth, int year) {
        boolean central = auth != null && auth.isAuthenticated() && AgencyAccess.has(auth, Role.CENTRAL_ADMIN);
        return central || cycles.resultsAnnounced(year);
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
        h.setContentType(MediaType.parseMediaType(format.equals("csv") ? "text/csv;charset=UTF-8" : "application/json"));
        h.setContentDisposition(ContentDisposition.attachment().filename("ita-" + year + "-results." + format).build());
        h.setCacheControl(CacheControl.noCache());
        StreamingResponseBody body = format.equals("csv") ? (OutputStream out) -> openData.csv(year, out) : (OutputStream out) -> openData.json(year, out);
        return ResponseEntity.ok().headers(h).body(body);
    }
}
