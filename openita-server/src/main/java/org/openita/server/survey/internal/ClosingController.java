package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
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

    /** The longest reason for reopening a year, in characters. */
    static final int REASON_LONGEST = 500;

    private final SurveyClosing closing;
    private final CycleService cycles;
    private final SurveyProgress progress;
    private final ContactLists contacts;

    ClosingController(SurveyClosing closing, CycleService cycles, SurveyProgress progress, ContactLists contacts) {
        this.contacts = contacts;
        this.closing = closing;
        this.cycles = cycles;
        this.progress = progress;
    }

    /** Before closing: how many agencies have fewer responses than their minimum in some part (IIT, EIT part 1 or 2). */
    private void warn(FiscalYear year, SurveyClosing.YearState state, Model model) {
        if (state != null && state.closable()) {
            List<AgencyProgress> all = progress.all(year);
            model.addAttribute("agencies", all.size());
            model.addAttribute("belowMinimum", all.stream().filter(AgencyProgress::below).count());
            model.addAttribute("withSurvey", all.stream().anyMatch(AgencyProgress::hasSurvey));
            int[] held = contacts.held(year.buddhistEra());
            model.addAttribute("contactsHeld", held[0]);
            model.addAttribute("contactAgencies", held[1]);
        }
    }

    @GetMapping("/surveys/close")
    String years(Model model) {
        model.addAttribute("years", closing.years());
        return "survey/closing";
    }

    @GetMapping("/surveys/close/{year}")
    String confirm(@PathVariable FiscalYear year, @RequestParam(required = false) Integer agencies,
                   @RequestParam(required = false) Integer responses, @RequestParam(required = false) Integer kept,
                   @RequestParam(required = false) Integer reopened, Model model) {
        if (agencies != null && responses != null) {
            model.addAttribute("scored", new SurveyClosing.Outcome.Scored(agencies, responses, kept == null ? 0 : kept));
        }
        // a year without a survey phase in the calendar is said so, not hidden: there is nothing to close
        if (reopened != null) {
            model.addAttribute("reopened", reopened);
        }
        model.addAttribute("year", year.buddhistEra());
        SurveyClosing.YearState state = closing.year(year).orElse(null);
        model.addAttribute("state", state);
        warn(year, state, model);
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
        SurveyClosing.YearState now = closing.year(year).orElse(state);
        model.addAttribute("state", now);
        warn(year, now, model);
        return "survey/close";
    }

    @GetMapping("/surveys/close/{year}/reopen")
    String reopenForm(@PathVariable FiscalYear year, Model model) {
        model.addAttribute("year", year.buddhistEra());
        model.addAttribute("state", closing.year(year).orElse(null));
        model.addAttribute("reasonLongest", REASON_LONGEST);
        model.addAttribute("contactsPurgedAt", contacts.purgedAt(year.buddhistEra()).orElse(null));
        return "survey/reopen";
    }

    /**
     * Reopens a closed year after confirming, with a reason: the surveys take answers again and the computed results of
     * the close are withdrawn until the next close. A refusal changes nothing and keeps what was typed.
     */
    @PostMapping("/surveys/close/{year}/reopen")
    String reopen(@PathVariable FiscalYear year, @RequestParam(name = "confirm", required = false) String confirm,
                  @RequestParam(name = "reason", required = false) String reason, Principal principal, Model model,
                  HttpServletResponse response) {
        SurveyClosing.YearState state = closing.year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String why = reason == null ? "" : reason.strip();
        String refusal = null;
        Object[] args = new Object[0];
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (why.isEmpty()) {
            refusal = "survey.reopen.error.noReason";
        } else if (why.codePointCount(0, why.length()) > REASON_LONGEST || why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            refusal = "survey.reopen.error.badReason";
            args = new Object[] {REASON_LONGEST};
        } else if (!"yes".equals(confirm)) {
            refusal = "survey.reopen.error.unconfirmed";
        } else {
            SurveyClosing.Reopening outcome = closing.reopen(year, principal.getName(), why);
            if (outcome instanceof SurveyClosing.Reopening.Reopened r) {
                return "redirect:/surveys/close/" + year.buddhistEra() + "?reopened=" + r.withdrawn();
            }
            status = HttpStatus.CONFLICT;
            if (outcome instanceof SurveyClosing.Reopening.PhaseEnded) {
                refusal = "survey.reopen.error.phaseEnded";
            } else {
                refusal = "survey.reopen.error.notClosed";
            }
        }
        response.setStatus(status.value());
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalArgs", args);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("year", year.buddhistEra());
        model.addAttribute("state", closing.year(year).orElse(state));
        model.addAttribute("reasonLongest", REASON_LONGEST);
        model.addAttribute("contactsPurgedAt", contacts.purgedAt(year.buddhistEra()).orElse(null));
        return "survey/reopen";
    }
}
