package org.openita.server.oit.internal.submission;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitItem;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.Activity;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.oit.internal.queue.LinkChecks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The agency's OIT submission: the year's items with what was saved and submitted, and one item's page with its
 * requirements, the links and note, the pre-check's findings per link, and save / submit. Everyone who sees the agency
 * may read; its administrator (and the central administrator) may change during the submission phase.
 */
@Controller
class OitSubmissionController {

    private final AgencyAccess access;
    private final AgencyRegistry agencies;
    private final FrameworkCatalog frameworks;
    private final OitSubmissions submissions;
    private final OitCalendar calendar;
    private final LinkChecks checks;
    private final org.openita.server.identity.UserAccounts accounts;

    OitSubmissionController(AgencyAccess access, AgencyRegistry agencies, FrameworkCatalog frameworks, OitSubmissions submissions,
                            OitCalendar calendar, LinkChecks checks, org.openita.server.identity.UserAccounts accounts) {
        this.accounts = accounts;
        this.access = access;
        this.agencies = agencies;
        this.frameworks = frameworks;
        this.submissions = submissions;
        this.calendar = calendar;
        this.checks = checks;
    }

    private Agency visible(AgencyCode code, Authentication auth) {
        access.requireVisible(auth, code);
        return agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private FrameworkDefinition definition(FiscalYear year) {
        return frameworks.active(year.buddhistEra()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static OitItem item(FrameworkDefinition def, String itemCode) {
        return def.oitItem(itemCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Whether this person may change the agency's OIT today: manages the agency, and the phase allows it. */
    private boolean editable(Authentication auth, AgencyCode code, FiscalYear year) {
        return access.canManage(auth, code) && calendar.may(auth, Activity.SUBMIT_OIT, year);
    }

    private void common(Model model, Agency agency, FiscalYear year, Authentication auth) {
        model.addAttribute("agency", agency);
        model.addAttribute("year", year.buddhistEra());
        PhaseWindow window = calendar.window(year, Phase.OIT_SUBMISSION).orElse(null);
        model.addAttribute("window", window);
        LocalDate today = calendar.today();
        model.addAttribute("before", window != null && today.isBefore(window.startsOn()));
        model.addAttribute("after", window != null && today.isAfter(window.endsOn()));
        model.addAttribute("editable", editable(auth, agency.code(), year));
        model.addAttribute("manages", access.canManage(auth, agency.code()));
    }

    @GetMapping("/agency/{code}/oit/{year}")
    String items(@PathVariable AgencyCode code, @PathVariable FiscalYear year, Authentication auth, Model model) {
        Agency agency = visible(code, auth);
        FrameworkDefinition def = definition(year);
        common(model, agency, year, auth);
        Map<String, OitSubmissions.Entry> saved = submissions.all(code, year);
        Map<String, List<Map<String, Object>>> bySub = new LinkedHashMap<>();
        int submitted = 0;
        for (OitItem item : def.oitItems()) {
            OitSubmissions.Entry e = saved.getOrDefault(item.code(), OitSubmissions.Entry.none(item.code()));
            if (e.state() == OitSubmissions.State.SUBMITTED || e.state() == OitSubmissions.State.CHANGED) {
                submitted++;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", item);
            row.put("entry", e);
            row.put("warnings", warnings(code, year, item.code()));
            bySub.computeIfAbsent(item.subIndicator(), k -> new ArrayList<>()).add(row);
        }
        model.addAttribute("groups", bySub);
        model.addAttribute("subNames", subIndicatorNames(def));
        model.addAttribute("submitted", submitted);
        model.addAttribute("total", def.oitItems().size());
        // from the clarification phase on, the assessors' verdicts and the clarification form are the agency's to see
        model.addAttribute("verdictsOpen", calendar.window(year, Phase.CLARIFICATION).map(w -> !calendar.today().isBefore(w.startsOn())).orElse(false));
        return "oit/items";
    }

    private static Map<String, org.openita.core.framework.LocalizedText> subIndicatorNames(FrameworkDefinition def) {
        Map<String, org.openita.core.framework.LocalizedText> out = new LinkedHashMap<>();
        def.indicators().forEach(i -> i.subIndicators().forEach(s -> out.put(s.code(), s.name())));
        return out;
    }

    /** How many warnings the latest checks of the item's working links carry. */
    private int warnings(AgencyCode code, FiscalYear year, String itemCode) {
        return checks.latest(code, year, itemCode).values().stream().mapToInt(c -> c.findings() == null ? 0 : c.findings().warnings().size()).sum();
    }

    @GetMapping("/agency/{code}/oit/{year}/{item}")
    String item(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable("item") String itemCode,
                @RequestParam(required = false) String done, Authentication auth, Model model) {
        Agency agency = visible(code, auth);
        OitItem item = item(definition(year), itemCode);
        OitSubmissions.Entry entry = submissions.one(code, year, itemCode);
        if ("saved".equals(done) || "submitted".equals(done)) {
            model.addAttribute("done", done);
        }
        return show(agency, year, item, entry, entry.links(), entry.note(), auth, model);
    }

    private String show(Agency agency, FiscalYear year, OitItem item, OitSubmissions.Entry entry, List<String> links, String note,
                        Authentication auth, Model model) {
        common(model, agency, year, auth);
        model.addAttribute("item", item);
        model.addAttribute("entry", entry);
        // people by their names, as the agency knows them, not by their sign-in names
        model.addAttribute("savedByName", name(entry.savedBy()));
        model.addAttribute("submittedByName", name(entry.submittedBy()));
        if (model.getAttribute("theirs") instanceof OitSubmissions.Entry theirs) {
            model.addAttribute("theirsName", name(theirs.savedBy()));
        }
        model.addAttribute("linksText", String.join("\n", links));
        model.addAttribute("note", note);
        model.addAttribute("expectedYear", item.period() == org.openita.core.framework.PeriodRule.PREVIOUS_FISCAL_YEAR
                ? year.buddhistEra() - 1 : year.buddhistEra());
        model.addAttribute("checks", checks.latest(agency.code(), year, item.code()));
        model.addAttribute("pending", checks.pending(agency.code(), year, item.code()));
        model.addAttribute("most", OitLinks.MOST);
        model.addAttribute("noteMost", OitLinks.NOTE_LONGEST);
        return "oit/item";
    }

    private String name(String username) {
        return username == null ? null : accounts.find(username).map(org.openita.server.identity.UserAccounts.Account::displayName).orElse(username);
    }

    /** Fragment: the findings of the item's links, polled by the page while a check is still running. */
    @GetMapping("/agency/{code}/oit/{year}/{item}/checks")
    String checks(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable("item") String itemCode,
                  Authentication auth, Model model) {
        Agency agency = visible(code, auth);
        OitItem item = item(definition(year), itemCode);
        OitSubmissions.Entry entry = submissions.one(code, year, itemCode);
        show(agency, year, item, entry, entry.links(), entry.note(), auth, model);
        return "oit/item :: checks";
    }

    @PostMapping("/agency/{code}/oit/{year}/{item}")
    String save(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @PathVariable("item") String itemCode,
                @RequestParam(defaultValue = "") String links, @RequestParam(defaultValue = "") String note,
                @RequestParam(defaultValue = "0") int version, @RequestParam(defaultValue = "save") String action,
                Authentication auth, Model model, HttpServletResponse response) {
        Agency agency = visible(code, auth);
        access.requireManageable(auth, code);
        OitItem item = item(definition(year), itemCode);
        if (!calendar.may(auth, Activity.SUBMIT_OIT, year)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", "closed");
            return show(agency, year, item, submissions.one(code, year, itemCode), List.of(links.split("\\R")), note, auth, model);
        }
        boolean submit = "submit".equals(action);
        OitSubmissions.Outcome outcome = submissions.save(auth.getName(), code, year, itemCode, links, note, version, submit);
        if (outcome instanceof OitSubmissions.Outcome.Done) {
            return "redirect:/agency/" + code.value() + "/oit/" + year.buddhistEra() + "/" + itemCode + "?done=" + (submit ? "submitted" : "saved");
        }
        List<String> typed = List.of(links.split("\\R", -1));
        if (outcome instanceof OitSubmissions.Outcome.Stale s) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", "stale");
            model.addAttribute("theirs", s.current());
            return show(agency, year, item, s.current(), typed, note, auth, model);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", ((OitSubmissions.Outcome.Invalid) outcome).problems());
        OitSubmissions.Entry entry = submissions.one(code, year, itemCode);
        return show(agency, year, item, entry, typed, note, auth, model);
    }
}
