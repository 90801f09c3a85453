package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The central administrator closes a fiscal year's surveys before their phase ends, after confirming; the answers are
 * scored at once. Only totals of the year are shown here, never a breakdown by agency.
 */
@Controller
class ClosingController {

    private final SurveyClosing closing;
    private final CycleService cycles;

    ClosingController(SurveyClosing closing, CycleService cycles) {
        this.closing = closing;
        this.cycles = cycles;
    }

    @GetMapping("/surveys/close")
    String years(Model model) {
        model.addAttribute("years", closing.years());
        model.addAttribute("today", cycles.today());
        return "survey/closing";
    }

    @GetMapping("/surveys/close/{year}")
    String confirm(@PathVariable FiscalYear year, Model model) {
        SurveyClosing.YearState state = closing.year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("state", state);
        model.addAttribute("today", cycles.today());
        return "survey/close";
    }

    @PostMapping("/surveys/close/{year}")
    String close(@PathVariable FiscalYear year, @RequestParam(name = "confirm", required = false) String confirm, Principal principal,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SurveyClosing.YearState state = closing.year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String refusal = null;
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (!"yes".equals(confirm)) {
            refusal = "survey.close.error.unconfirmed";
        } else {
            SurveyClosing.Outcome outcome = closing.close(year, principal.getName());
            if (outcome instanceof SurveyClosing.Outcome.Scored s) {
                redirect.addFlashAttribute("scored", s);
                return "redirect:/surveys/close/" + year.buddhistEra();
            }
            status = HttpStatus.CONFLICT;
            refusal = outcome instanceof SurveyClosing.Outcome.NoDefinition ? "survey.close.error.noDefinition" : "survey.close.error.alreadyClosed";
        }
        response.setStatus(status.value());
        model.addAttribute("refusal", refusal);
        model.addAttribute("state", closing.year(year).orElse(state));
        model.addAttribute("today", cycles.today());
        return "survey/close";
    }
}
