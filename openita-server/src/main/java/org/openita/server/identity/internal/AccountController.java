package org.openita.server.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.openita.server.identity.SignInHandlers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page and the password change. */
@Controller
class AccountController {

    private final PasswordChange passwords;
    private final SignedInSessions sessions;

    AccountController(PasswordChange passwords, SignedInSessions sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(Principal principal, HttpSession session, Model model,
                          @RequestParam String current, @RequestParam("new") String newPassword, @RequestParam String confirm) {
        PasswordChange.Outcome outcome = passwords.change(principal.getName(), current, newPassword, confirm);
        switch (outcome) {
            case CHANGED -> {
                session.removeAttribute(SignInHandlers.MUST_CHANGE_PASSWORD);
                // this browser stays signed in; every other one must sign in with the new password
                sessions.endAllBut(principal.getName(), session.getId(), "password-changed");
                return "redirect:/?passwordChanged";
            }
            case LOCKED_OUT -> {
                // too many wrong current passwords in this session: it ends, as the account is now locked
                session.invalidate();
                return "redirect:/login?locked";
            }
            default -> {
                model.addAttribute("error", outcome.messageKey);
                return "account/password";
            }
        }
    }
}
