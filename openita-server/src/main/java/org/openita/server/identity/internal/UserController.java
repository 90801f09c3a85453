package org.openita.server.identity.internal;

import java.security.Principal;
import java.util.regex.Pattern;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The central administrator lists people and creates accounts, each with a one-time password shown once. */
@Controller
class UserController {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,40}");
    /** An address mail can be sent to: one @, no spaces, a dot in the domain; at most 254 characters (RFC 5321). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    /** How agency codes are written in the registry (agency.AgencyRows). */
    static final Pattern AGENCY_CODE = Pattern.compile("[A-Za-z0-9._-]{1,30}");
    /** The most agencies one assessor or viewer is given on the form; a national view is a role, not a list. */
    static final int MAX_ACCESS = 2000;
    /** The longest name shown for a person. */
    static final int MAX_NAME = 200;

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.leastPrivilegedFirst());
        return "users";
    }

    @PostMapping("/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
                  @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String access,
                  @RequestParam(defaultValue = "") String email,
                  Principal principal, Model model) {
        String agencyCode = agency.isBlank() ? null : agency.trim();
        java.util.List<String> accessCodes = java.util.Arrays.stream(access.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String error = null;
        if (!USERNAME.matcher(username.trim()).matches()) {
            error = "users.error.username";
        } else if (displayName.isBlank()) {
            error = "users.error.name";
        } else if (displayName.strip().length() > MAX_NAME) {
            error = "users.error.nameLength";
        } else if (!email.isBlank() && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
            error = "users.error.email";
        } else if (accounts.find(username.trim()).isPresent()) {
            error = "users.error.exists";
        } else if ((role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF) && agencyCode == null) {
            error = "users.error.agencyRequired";
        } else if ((agencyCode != null && !AGENCY_CODE.matcher(agencyCode).matches()) || accessCodes.size() > MAX_ACCESS
                || !accessCodes.stream().allMatch(c -> AGENCY_CODE.matcher(c).matches())) {
            // a registry code has at most 30 characters: a longer one is no agency (and would fail in the database's index)
            error = "users.error.agency";
        }
        if (error == null) {
            String password = FirstAdministrator.oneTimePassword();
            try {
                accounts.createAssigned(principal.getName(), username.trim(), displayName.trim(), role, password, agencyCode, accessCodes);
                if (!email.isBlank()) {
                    accounts.setEmail(principal.getName(), username.trim(), email.trim());
                }
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                model.addAttribute("error", "users.error.agency");
                return list(model);
            }
            model.addAttribute("created", username.trim());
            model.addAttribute("oneTimePassword", password);
        } else {
            model.addAttribute("error", error);
        }
        return list(model);
    }
}
