package org.openita.server.identity.internal;

import java.security.Principal;
import org.openita.server.identity.ApiTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's API tokens: create (shown once), list, revoke. */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(Principal principal, Model model) {
        model.addAttribute("tokens", tokens.list(principal.getName()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(defaultValue = "") String label, Principal principal, Model model) {
        String l = label.strip();
        if (l.isEmpty() || l.length() > 100) {
            model.addAttribute("labelError", true);
        } else {
            model.addAttribute("created", tokens.create(principal.getName(), l));
        }
        model.addAttribute("tokens", tokens.list(principal.getName()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal) {
        tokens.revoke(principal.getName(), id);
        return "redirect:/account/tokens?revoked";
    }
}
