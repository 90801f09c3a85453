package org.openita.server.identity;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page and the password change. */
@Controller
class AccountController {

    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserAccounts accounts;

    AccountController(UserAccounts accounts) {
        this.accounts = accounts;
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
        String error = null;
        if (!accounts.passwordMatches(principal.getName(), current)) {
            error = "password.error.current";
        } else if (newPassword.length() < MIN_PASSWORD_LENGTH) {
            error = "password.error.short";
        } else if (!newPassword.equals(confirm)) {
            error = "password.error.confirm";
        } else if (newPassword.equals(current)) {
            error = "password.error.same";
        }
        if (error != null) {
            model.addAttribute("error", error);
            return "account/password";
        }
        accounts.changePassword(principal.getName(), newPassword);
        session.removeAttribute(SignInHandlers.MUST_CHANGE_PASSWORD);
        return "redirect:/?passwordChanged";
    }
}
