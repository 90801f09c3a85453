package org.openita.server.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (null for visitors), for the header. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    String currentUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() ? null : a.getName();
    }

    /** Whether the signed-in person is a central administrator, to show the administration links. */
    @ModelAttribute("centralAdmin")
    boolean centralAdmin() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> "ROLE_CENTRAL_ADMIN".equals(g.getAuthority()));
    }

    /** Whether the signed-in person is an assessor, to show the link to their field work (EIT part 2). */
    @ModelAttribute("assessor")
    boolean assessor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> "ROLE_ASSESSOR".equals(g.getAuthority()));
    }
}
