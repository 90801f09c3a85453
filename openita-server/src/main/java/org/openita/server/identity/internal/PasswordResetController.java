package org.openita.server.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Asking for a reset link (the same answer whatever happened) and choosing a new password with it. */
@Controller
class PasswordResetController {

    private final PasswordReset reset;
    private final SignedInSessions sessions;

    PasswordResetController(PasswordReset reset, SignedInSessions sessions) {
        this.reset = reset;
        this.sessions = sessions;
    }

    @GetMapping("/account/reset")
    String form() {
        return "account/reset";
    }

    @PostMapping("/account/reset")
    String request(@RequestParam String username, HttpServletRequest request, Model model) {
        reset.request(username, request.getRemoteAddr());
        model.addAttribute("sent", true);
        return "account/reset";
    }

    @GetMapping("/account/reset/{token}")
    String newPasswordForm(@PathVariable String token, Model model) {
        model.addAttribute("valid", reset.holder(token).isPresent());
        model.addAttribute("token", token);
        return "account/reset-password";
    }

    @PostMapping("/account/reset/{token}")
    String setPassword(@PathVariable String token, @RequestParam("new") String newPassword, @RequestParam String confirm, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", true);
        if (reset.holder(token).isEmpty()) {
            // a link that is unknown, used or expired: no form to fill in again (nor its address, which is what was sent)
            model.addAttribute("valid", false);
            return "account/reset-password";
        }
        if (newPassword.length() < PasswordChange.MIN_PASSWORD_LENGTH) {
            model.addAttribute("error", "password.error.short");
            return "account/reset-password";
        }
        if (PasswordChange.tooLong(newPassword)) {
            model.addAttribute("error", "password.error.long");
            return "account/reset-password";
        }
        if (!newPassword.equals(confirm)) {
            model.addAttribute("error", "password.error.confirm");
            return "account/reset-password";
        }
        Optional<String> username = reset.complete(token, newPassword);
        if (username.isEmpty()) {
            model.addAttribute("valid", false);
            return "account/reset-password";
        }
        // whoever knew the old password may be signed in somewhere: every session of this person ends
        sessions.endAll(username.get(), "password-reset");
        return "redirect:/login?reset";
    }
}
