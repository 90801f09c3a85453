package org.openita.server.agency;

import java.util.List;
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

    AgencyPageController(AgencyRegistry registry, AgencyAccess access) {
        this.registry = registry;
        this.access = access;
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
        if (!access.canSee(auth, code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Agency agency = registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("agency", agency);
        model.addAttribute("agencyAdmin", AgencyAccess.has(auth, Role.AGENCY_ADMIN));
        return "agency/page";
    }
}
