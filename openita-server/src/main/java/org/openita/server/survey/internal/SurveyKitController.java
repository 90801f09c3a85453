package org.openita.server.survey.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.ToolCode;
import org.openita.core.survey.Questionnaire;
import org.openita.core.thai.DigitStyle;
import org.openita.report.SurveyKits;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.identity.PublicSite;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The printable survey material of an agency's year, for those who manage the agency: the EIT poster and table card,
 * the IIT poster (each a PDF holding the answer link as a QR code), and sheets of single-use IIT slips.
 */
@Controller
class SurveyKitController {

    private final AgencyAccess access;
    private final AgencyRegistry agencies;
    private final FrameworkCatalog frameworks;
    private final PublicSite site;
    private final SlipIssue slips;
    private final Lookups lookups;
    private final SurveyWindows windows;

    SurveyKitController(AgencyAccess access, AgencyRegistry agencies, FrameworkCatalog frameworks, PublicSite site, SlipIssue slips,
                        Lookups lookups, SurveyWindows windows) {
        this.lookups = lookups;
        this.windows = windows;
        this.access = access;
        this.agencies = agencies;
        this.frameworks = frameworks;
        this.site = site;
        this.slips = slips;
    }

    @GetMapping("/agency/{code}/surveys/{year}/eit-poster.pdf")
    ResponseEntity<byte[]> eitPoster(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                     @RequestParam(required = false) String digits, Authentication auth) {
        SurveyKits.Kit kit = kit(code, year, SurveyPart.EIT_PUBLIC, digits, auth);
        return pdf(SurveyKits.poster(kit), "โปสเตอร์แบบสำรวจ EIT " + code.value() + " ปีงบประมาณ " + year.buddhistEra());
    }

    @GetMapping("/agency/{code}/surveys/{year}/eit-card.pdf")
    ResponseEntity<byte[]> eitCard(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                   @RequestParam(required = false) String digits, Authentication auth) {
        SurveyKits.Kit kit = kit(code, year, SurveyPart.EIT_PUBLIC, digits, auth);
        return pdf(SurveyKits.tableCard(kit), "ป้ายตั้งโต๊ะแบบสำรวจ EIT " + code.value() + " ปีงบประมาณ " + year.buddhistEra());
    }

    @GetMapping("/agency/{code}/surveys/{year}/iit-poster.pdf")
    ResponseEntity<byte[]> iitPoster(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                     @RequestParam(required = false) String digits, Authentication auth) {
        SurveyKits.Kit kit = kit(code, year, SurveyPart.IIT, digits, auth);
        return pdf(SurveyKits.poster(kit), "โปสเตอร์แบบสำรวจ IIT " + code.value() + " ปีงบประมาณ " + year.buddhistEra());
    }

    /** The number of slips asked for was not a whole number from 1 to the most: nothing was printed or numbered. */
    static final class BadSlipCount extends RuntimeException {
        final AgencyCode agency;

        BadSlipCount(AgencyCode agency) {
            super("bad slip count", null, false, false);
            this.agency = agency;
        }
    }

    /** The sheet cannot be printed for this agency (its answer address is too long to type from a slip). */
    static final class UnprintableSlips extends RuntimeException {
        final AgencyCode agency;

        UnprintableSlips(AgencyCode agency) {
            super("slips cannot be printed", null, false, false);
            this.agency = agency;
        }
    }

    /** The year's surveys take no more answers (closed, or their phase has ended): slips would be of no use. */
    static final class SurveysOver extends RuntimeException {
        final AgencyCode agency;
        final FiscalYear year;

        SurveysOver(AgencyCode agency, FiscalYear year) {
            super("surveys closed", null, false, false);
            this.agency = agency;
            this.year = year;
        }
    }

    @ExceptionHandler(SurveysOver.class)
    ModelAndView over(SurveysOver e) {
        ModelAndView page = new ModelAndView("survey/admin/refused");
        page.addObject("messageKey", "surveys.slips.over");
        page.addObject("messageArgs", new Object[] {e.year.buddhistEra()});
        page.addObject("back", "/agency/" + e.agency.value() + "#surveys");
        page.setStatus(HttpStatus.CONFLICT);
        return page;
    }

    @ExceptionHandler(UnprintableSlips.class)
    ModelAndView unprintable(UnprintableSlips e) {
        ModelAndView page = new ModelAndView("survey/admin/refused");
        page.addObject("messageKey", "surveys.slips.unprintable");
        page.addObject("messageArgs", new Object[] {SurveyKits.MAX_TYPE_AT_URL});
        page.addObject("back", "/agency/" + e.agency.value() + "#surveys");
        page.setStatus(HttpStatus.CONFLICT);
        return page;
    }

    @ExceptionHandler(BadSlipCount.class)
    ModelAndView badCount(BadSlipCount e) {
        ModelAndView page = new ModelAndView("survey/admin/refused");
        page.addObject("messageKey", "surveys.slips.badCount");
        page.addObject("messageArgs", new Object[] {SlipIssue.MOST});
        page.addObject("back", "/agency/" + e.agency.value() + "#surveys");
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    @PostMapping("/agency/{code}/surveys/{year}/slips")
    ResponseEntity<byte[]> printSlips(@PathVariable AgencyCode code, @PathVariable FiscalYear year,
                                      @RequestParam(required = false) String count, @RequestParam(required = false) String digits,
                                      Authentication auth) {
        Agency agency = manageable(code, auth);
        if (windows.over(year)) {
            throw new SurveysOver(code, year);
        }
        int n = parseCount(code, count);
        definition(year);
        String typeAt = site.link("/s/iit/{code}", code.value());
        try {
            // a sheet the printer would refuse (an address too long to type) is found before any slip is numbered
            new SurveyKits.SlipSheet(agency.nameTh(), year, typeAt, List.of(new SurveyKits.Slip("0000-0000-0000-0000", typeAt)),
                    digits(digits));
        } catch (IllegalArgumentException e) {
            throw new UnprintableSlips(code);
        }
        List<SurveyKits.Slip> printed = slips.print(auth.getName(), code, year, n).stream()
                .map(p -> new SurveyKits.Slip(p.code(), p.url())).toList();
        lookups.forgetSlips(code, year.buddhistEra());
        byte[] pdf = SurveyKits.slips(new SurveyKits.SlipSheet(agency.nameTh(), year, typeAt, printed, digits(digits)));
        return pdf(pdf, "บัตรตอบแบบสำรวจ IIT " + code.value() + " ปีงบประมาณ " + year.buddhistEra() + " จำนวน " + n + " ใบ");
    }

    private static int parseCount(AgencyCode code, String count) {
        String t = count == null ? "" : count.strip();
        if (!t.matches("[0-9๐-๙]{1,5}")) {
            throw new BadSlipCount(code);
        }
        int n = Integer.parseInt(org.openita.core.thai.ThaiFormat.toArabicDigits(t));
        if (n < 1 || n > SlipIssue.MOST) {
            throw new BadSlipCount(code);
        }
        return n;
    }

    private Agency manageable(AgencyCode code, Authentication auth) {
        access.requireManageable(auth, code);
        return agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private FrameworkDefinition definition(FiscalYear year) {
        return frameworks.active(year.buddhistEra()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private SurveyKits.Kit kit(AgencyCode code, FiscalYear year, SurveyPart part, String digits, Authentication auth) {
        Agency agency = manageable(code, auth);
        FrameworkDefinition def = definition(year);
        int questions;
        try {
            questions = Questionnaire.of(def, part.tool(), part.code()).questionCount();
        } catch (IllegalArgumentException noSuchSurvey) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (questions < 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new SurveyKits.Kit(part == SurveyPart.IIT ? ToolCode.IIT : ToolCode.EIT, agency.nameTh(), year,
                site.link("/s/" + part.path() + "/{code}", code.value()), questions, digits(digits));
    }

    private static DigitStyle digits(String digits) {
        return "arabic".equals(digits) ? DigitStyle.ARABIC : DigitStyle.THAI;
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_PDF);
        h.setContentDisposition(ContentDisposition.attachment().filename(name + ".pdf", StandardCharsets.UTF_8).build());
        h.setCacheControl(CacheControl.noStore());
        return ResponseEntity.ok().headers(h).body(body);
    }
}
