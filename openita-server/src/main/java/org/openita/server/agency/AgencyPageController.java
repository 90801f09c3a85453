package org.openita.server.agency;

import java.util.List;
import java.util.Map;
import org.openita.server.identity.AgencyAccess;
import org.openita.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An agency's own page, for everyone allowed to see that agency. Anyone else gets "not found", exactly as
 * for an agency that does not exist, so changing the code in the address reveals nothing.
 */
@Controller
class AgencyPageController {

    private final AgencyRegistry registry;
    private final AgencyAccess access;
    private final org.openita.server.cycle.CycleService cycles;

    private final List<AgencyPagePart> parts;

    AgencyPageController(AgencyRegistry registry, AgencyAccess access, org.openita.server.cycle.CycleService cycles, List<AgencyPagePart> parts) {
        this.parts = parts;
        this.registry = registry;
        this.access = access;
        this.cycles = cycles;
    }

    /** Whether this person may change the agency's data today, by role and by the cycle's phase. */
    private boolean mayEditData(Authentication auth) {
        java.time.LocalDate today = org.openita.server.cycle.CycleService.today();
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
    String page(@PathVariable String code, Authentication auth, Model model) {
        access.requireVisible(auth, code);
        Agency agency = registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("agency", agency);
        model.addAttribute("agencyAdmin", AgencyAccess.has(auth, Role.AGENCY_ADMIN));
        model.addAttribute("canEditData", mayEditData(auth));
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
    String staff(@PathVariable String code, @org.springframework.web.bind.annotation.RequestParam String staffCount,
                 Authentication auth, Model model, jakarta.servlet.http.HttpServletResponse response) {
        access.requireVisible(auth, code);
        Agency agency = registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("agency", agency);
        model.addAttribute("agencyAdmin", AgencyAccess.has(auth, Role.AGENCY_ADMIN));
        boolean allowed = mayEditData(auth);
        model.addAttribute("canEditData", allowed);
        if (!allowed) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("editError", "agency.edit.closed");
            return "agency/page";
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
            return "agency/page";
        }
        registry.updateStaffCount(auth.getName(), code, n);
        return "redirect:/agency/" + code + "?saved";
    }
}
