package org.openita.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping("/account/reset")
    String form() {
        return "account/reset";
    }

    @PostMapping("/account/reset")
    String request(@RequestParam String username, HttpServletRequest request, Model model) {
        reset.request(username.trim(), ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
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
        if (newPassword.length() < AccountController.MIN_PASSWORD_LENGTH) {
            model.addAttribute("error", "password.error.short");
            return "account/reset-password";
        }
        if (!newPassword.equals(confirm)) {
            model.addAttribute("error", "password.error.confirm");
            return "account/reset-password";
        }
        if (!reset.complete(token, newPassword)) {
            model.addAttribute("valid", false);
            return "account/reset-password";
        }
        return "redirect:/login?reset";
    }
}
