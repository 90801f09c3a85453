package org.openita.server.agency.internal;

import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyPagePart;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.AgencyReportDetails;
import org.openita.server.agency.LogoImage;
import java.util.List;
import java.util.Map;
import org.openita.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * An agency's own page, for everyone allowed to see that agency. Anyone else gets "not found", exactly as
 * for an agency that does not exist, so changing the code in the address reveals nothing; text that is not an
 * agency code at all is "not found" too (Spring makes the {@link AgencyCode} through {@link AgencyCode#of}).
 */
@Controller
class AgencyPageController {

    private final AgencyRegistry registry;
    private final AgencyAccess access;
    private final org.openita.server.cycle.CycleService cycles;

    private final List<AgencyPagePart> parts;
    private final AgencyReportDetails details;

    AgencyPageController(AgencyRegistry registry, AgencyAccess access, org.openita.server.cycle.CycleService cycles, List<AgencyPagePart> parts,
                         AgencyReportDetails details) {
        this.parts = parts;
        this.details = details;
        this.registry = registry;
        this.access = access;
        this.cycles = cycles;
    }

    /** Whether this person may change the agency's data today, by role and by the cycle's phase. */
    private boolean mayEditData(Authentication auth) {
        java.time.LocalDate today = cycles.today();
        int year = org.openita.core.framework.FiscalYear.containing(today).buddhistEra();
        java.util.List<org.openita.server.cycle.Phase> now = cycles.windows(year)
                .map(w -> org.openita.server.cycle.CycleCalendar.current(w, today)).orElse(List.of());
        for (Role role : Role.values()) {
            if (AgencyAccess.has(auth, role) && org.openita.server.cycle.Activity.EDIT_AGENCY_DATA.allowed(role, now)) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/agency")
    String mine(Authentication auth, Model model) {
        if (AgencyAccess.has(auth, Role.CENTRAL_ADMIN)) {
            return "redirect:/agencies";
        }
        List<Agency> visible = access.visible(auth).stream().sorted().map(registry::find).flatMap(java.util.Optional::stream).toList();
        if (visible.size() == 1 && (AgencyAccess.has(auth, Role.AGENCY_ADMIN) || AgencyAccess.has(auth, Role.AGENCY_STAFF))) {
            return "redirect:/agency/" + visible.get(0).code();
        }
        model.addAttribute("agencies", visible);
        return "agency/mine";
    }

    @GetMapping("/agency/{code}")
    String page(@PathVariable AgencyCode code, Authentication auth, Model model) {
        access.requireVisible(auth, code);
        Agency agency = registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return show(agency, auth, model);
    }

    /** The agency page with whatever the model already holds (an error, a form as typed). */
    private String show(Agency agency, Authentication auth, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("agencyAdmin", AgencyAccess.has(auth, Role.AGENCY_ADMIN));
        if (!model.containsAttribute("canEditData")) {
            model.addAttribute("canEditData", mayEditData(auth));
        }
        model.addAttribute("canManage", access.canManage(auth, agency.code()));
        model.addAttribute("logo", details.logoInfo(agency.code()).orElse(null));
        List<org.openita.core.analysis.Signatory> signOff = details.signOff(agency.code());
        model.addAttribute("signOff", signOff);
        if (!model.containsAttribute("signOffForm")) {
            model.addAttribute("signOffForm", SignOffForm.of(signOff));
        }
        List<Map<String, Object>> parts = new java.util.ArrayList<>();
        this.parts.stream().sorted(java.util.Comparator.comparingInt(AgencyPagePart::order)).forEach(p -> p.values(agency, auth).ifPresent(v -> {
            Map<String, Object> part = new java.util.HashMap<>(v);
            part.put("template", p.template());
            parts.add(part);
        }));
        model.addAttribute("parts", parts);
        return "agency/page";
    }

    /** The headcount that sets the IIT sample: editable by the agency administrator during registration and data entry. */
    @org.springframework.web.bind.annotation.PostMapping("/agency/{code}/staff")
    String staff(@PathVariable AgencyCode code, @org.springframework.web.bind.annotation.RequestParam String staffCount,
                 Authentication auth, Model model, jakarta.servlet.http.HttpServletResponse response) {
        access.requireVisible(auth, code);
        Agency agency = registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean allowed = mayEditData(auth);
        model.addAttribute("canEditData", allowed);
        if (!allowed) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("editError", "agency.edit.closed");
            return show(agency, auth, model);
        }
        int n;
        try {
            n = Integer.parseInt(org.openita.core.thai.ThaiFormat.toArabicDigits(staffCount.trim().replace(",", "")));
            if (n < 0 || n > 1_000_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("editError", "agency.edit.number");
            return show(agency, auth, model);
        }
        registry.updateStaffCount(auth.getName(), code, n);
        return "redirect:/agency/" + code + "?saved";
    }

    /** The agency's logo as kept (PNG), for everyone allowed to see the agency. */
    @GetMapping("/agency/{code}/logo")
    org.springframework.http.ResponseEntity<byte[]> logo(@PathVariable AgencyCode code, Authentication auth) {
        access.requireVisible(auth, code);
        byte[] png = details.logo(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_PNG)
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate()).body(png);
    }

    /** Adds or replaces the logo: the agency's administrator or the central administrator. */
    @PostMapping("/agency/{code}/logo")
    String uploadLogo(@PathVariable AgencyCode code, @RequestParam(value = "file", required = false) MultipartFile file, Authentication auth,
                      Model model, HttpServletResponse response) throws IOException {
        Agency agency = manageable(code, auth);
        try {
            if (file == null || file.isEmpty()) {
                throw new LogoImage.Refused(LogoImage.Problem.EMPTY);
            }
            try (InputStream in = file.getInputStream()) {
                details.storeLogo(auth.getName(), code, in);
            }
        } catch (LogoImage.Refused e) {
            response.setStatus(e.problem() == LogoImage.Problem.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("logoError", "agency.logo.problem." + e.problem().name());
            return show(agency, auth, model);
        }
        return "redirect:/agency/" + code + "?logoSaved#report-details";
    }

    @PostMapping("/agency/{code}/logo/remove")
    String removeLogo(@PathVariable AgencyCode code, Authentication auth) {
        manageable(code, auth);
        details.removeLogo(auth.getName(), code);
        return "redirect:/agency/" + code + "?logoRemoved#report-details";
    }

    /** The sign-off block of the agency's reports: three rows, each a position (required when the row is used) and a name. */
    @PostMapping("/agency/{code}/sign-off")
    String signOff(@PathVariable AgencyCode code,
                   @RequestParam(defaultValue = "") String preparedPosition, @RequestParam(defaultValue = "") String preparedName,
                   @RequestParam(defaultValue = "") String reviewedPosition, @RequestParam(defaultValue = "") String reviewedName,
                   @RequestParam(defaultValue = "") String approvedPosition, @RequestParam(defaultValue = "") String approvedName,
                   Authentication auth, Model model, HttpServletResponse response) {
        Agency agency = manageable(code, auth);
        SignOffForm form = new SignOffForm(preparedPosition, preparedName, reviewedPosition, reviewedName, approvedPosition, approvedName);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("signOffForm", form);
            model.addAttribute("signOffErrors", problems);
            return show(agency, auth, model);
        }
        details.storeSignOff(auth.getName(), code, form.signatories());
        return "redirect:/agency/" + code + "?signOffSaved#report-details";
    }

    /** The agency, for its administrator or the central administrator; "not found" for those who cannot see it, "forbidden" for the others. */
    private Agency manageable(AgencyCode code, Authentication auth) {
        access.requireManageable(auth, code);
        return registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
