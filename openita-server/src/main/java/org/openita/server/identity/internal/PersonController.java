package org.openita.server.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** One person's page for the central administrator: role and agencies, disable or re-enable, start a password reset. */
@Controller
class PersonController {

    /** What the page says after a change; the only values of {@code ?done=}. */
    private static final Set<String> DONE = Set.of("saved", "disabled", "enabled", "reset");

    private final UserAccounts accounts;
    private final PersonAdministration administration;

    PersonController(UserAccounts accounts, PersonAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @GetMapping("/users/{username}")
    String page(@PathVariable String username, @RequestParam(required = false) String done, Model model) {
        UserAccounts.Account person = person(username);
        model.addAttribute("person", person);
        model.addAttribute("roles", Role.leastPrivilegedFirst());
        model.addAttribute("agency", accounts.agencyOf(person.username()).orElse(""));
        model.addAttribute("access", String.join(", ", accounts.accessOf(person.username()).stream().sorted().toList()));
        model.addAttribute("email", accounts.emailOf(person.username()).orElse(null));
        if (done != null && DONE.contains(done)) {
            model.addAttribute("done", "person.done." + done);
        }
        return "person";
    }

    @PostMapping("/users/{username}")
    String edit(@PathVariable String username, @RequestParam Role role, @RequestParam(defaultValue = "") String agency,
                @RequestParam(defaultValue = "") String access, Principal principal, Model model, HttpServletResponse response) {
        UserAccounts.Account person = person(username);
        String agencyCode = agency.isBlank() ? null : agency.strip();
        List<String> accessCodes = Arrays.stream(access.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if ((agencyCode != null && !UserController.AGENCY_CODE.matcher(agencyCode).matches()) || accessCodes.size() > UserController.MAX_ACCESS
                || !accessCodes.stream().allMatch(c -> UserController.AGENCY_CODE.matcher(c).matches())) {
            return refused(person.username(), "users.error.agency", HttpStatus.BAD_REQUEST, model, response);
        }
        Optional<PersonAdministration.Refusal> refusal;
        try {
            refusal = administration.edit(principal.getName(), person.username(), role, agencyCode, accessCodes);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            return refused(person.username(), "users.error.agency", HttpStatus.BAD_REQUEST, model, response);
        }
        return after(person.username(), refusal, "saved", model, response);
    }

    @PostMapping("/users/{username}/disable")
    String disable(@PathVariable String username, Principal principal, Model model, HttpServletResponse response) {
        UserAccounts.Account person = person(username);
        return after(person.username(), administration.disable(principal.getName(), person.username()), "disabled", model, response);
    }

    @PostMapping("/users/{username}/enable")
    String enable(@PathVariable String username, Principal principal) {
        UserAccounts.Account person = person(username);
        administration.enable(principal.getName(), person.username());
        return "redirect:/users/" + person.username() + "?done=enabled";
    }

    @PostMapping("/users/{username}/reset")
    String reset(@PathVariable String username, Principal principal, Model model, HttpServletResponse response) {
        UserAccounts.Account person = person(username);
        return after(person.username(), administration.startReset(principal.getName(), person.username()), "reset", model, response);
    }

    private String after(String username, Optional<PersonAdministration.Refusal> refusal, String done, Model model, HttpServletResponse response) {
        if (refusal.isEmpty()) {
            return "redirect:/users/" + username + "?done=" + done;
        }
        HttpStatus status = refusal.get() == PersonAdministration.Refusal.AGENCY_REQUIRED ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        return refused(username, refusal.get().messageKey, status, model, response);
    }

    private String refused(String username, String messageKey, HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("error", messageKey);
        return page(username, null, model);
    }

    private UserAccounts.Account person(String username) {
        if (username.length() > 100) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return accounts.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
