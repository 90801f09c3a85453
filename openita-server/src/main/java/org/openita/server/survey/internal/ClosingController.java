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
        return "survey/closing";
    }

    @GetMapping("/surveys/close/{year}")
    String confirm(@PathVariable FiscalYear year, @RequestParam(required = false) Integer agencies,
                   @RequestParam(required = false) Integer responses, @RequestParam(required = false) Integer kept, Model model) {
        if (agencies != null && responses != null) {
            model.addAttribute("scored", new SurveyClosing.Outcome.Scored(agencies, responses, kept == null ? 0 : kept));
        }
        // a year without a survey phase in the calendar is said so, not hidden: there is nothing to close
        model.addAttribute("year", year.buddhistEra());
        model.addAttribute("state", closing.year(year).orElse(null));
        return "survey/close";
    }

    @PostMapping("/surveys/close/{year}")
    String close(@PathVariable FiscalYear year, @RequestParam(name = "confirm", required = false) String confirm, Principal principal,
                 Model model, HttpServletResponse response) {
        SurveyClosing.YearState state = closing.year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String refusal = null;
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (!"yes".equals(confirm)) {
            refusal = "survey.close.error.unconfirmed";
        } else {
            SurveyClosing.Outcome outcome = closing.close(year, principal.getName());
            if (outcome instanceof SurveyClosing.Outcome.Scored s) {
                // told through the address (a flash attribute would have to be serializable for the JDBC session)
                return "redirect:/surveys/close/" + year.buddhistEra() + "?agencies=" + s.agencies() + "&responses=" + s.responses()
                        + "&kept=" + s.officialKept();
            }
            status = HttpStatus.CONFLICT;
            refusal = outcome instanceof SurveyClosing.Outcome.NoDefinition ? "survey.close.error.noDefinition" : "survey.close.error.alreadyClosed";
        }
        response.setStatus(status.value());
        model.addAttribute("refusal", refusal);
        model.addAttribute("year", year.buddhistEra());
        model.addAttribute("state", closing.year(year).orElse(state));
        return "survey/close";
    }
}
