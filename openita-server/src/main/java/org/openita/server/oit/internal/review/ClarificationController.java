package org.openita.server.oit.internal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitItem;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.Activity;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.web.TextInput;
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
 * The agency's verdicts page: once the clarification phase has begun, each item's preliminary verdict (100 or 0, each
 * component with the assessor's comment); during CLARIFICATION (FILE_CLARIFICATION) its administrator may explain, for
 * an item scored 0, where the evidence already is at the links it submitted. Text only, at most
 * {@link #MAX_TEXT} characters, and no new links: an address in the text must be one the agency submitted for the item.
 */
@Controller
class ClarificationController {

    static final int MAX_TEXT = 2000;
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

    private final AgencyAccess access;
    private final AgencyRegistry agencies;
    private final FrameworkCatalog frameworks;
    private final Reviews reviews;
    private final Submitted submitted;
    private final ReviewPhases phases;

    ClarificationController(AgencyAccess access, AgencyRegistry agencies, FrameworkCatalog frameworks, Reviews reviews,
                            Submitted submitted, ReviewPhases phases) {
        this.access = access;
        this.agencies = agencies;
        this.frameworks = frameworks;
        this.reviews = reviews;
        this.submitted = submitted;
        this.phases = phases;
    }

    /** One item on the page: the item, its review (null until judged) and the agency's clarification (or null). */
    public record Row(OitItem item, boolean submitted, Review review, Reviews.Clarification clarification, boolean mayClarify) {
    }

    @GetMapping("/agency/{code}/oit/{year}/verdicts")
    String page(@PathVariable AgencyCode code, @PathVariable int year, Authentication auth, Model model) {
        access.requireVisible(auth, code);
        Agency agency = agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        show(model, auth, agency, year, null, null, null);
        return "oit/clarify/verdicts";
    }

    @PostMapping("/agency/{code}/oit/{year}/verdicts")
    String clarify(@PathVariable AgencyCode code, @PathVariable int year, @RequestParam(required = false) String item,
                   @RequestParam(required = false) String text, Authentication auth, Model model, HttpServletResponse response) {
        access.requireVisible(auth, code);
        Agency agency = agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!access.canManage(auth, code) || !phases.may(auth, Activity.FILE_CLARIFICATION, year)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("messageKey", "oit.review.clarify.refused");
            return "oit/review/refused";
        }
        FrameworkDefinition def = frameworks.active(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        OitItem oit = item == null ? null : def.oitItem(item).orElse(null);
        String said = text == null ? "" : TextInput.trim(text);
        String error = null;
        if (oit == null) {
            error = "oit.review.clarify.error.item";
        } else if (said.isEmpty()) {
            error = "oit.review.clarify.error.empty";
        } else if (said.length() > MAX_TEXT) {
            error = "oit.review.clarify.error.long";
        } else if (TextInput.firstRefused(said) >= 0) {
            error = "oit.review.clarify.error.character";
        } else if (!newLinks(said, submitted.item(code, year, oit.code()).map(Submitted.Item::links).orElse(List.of())).isEmpty()) {
            error = "oit.review.clarify.error.link";
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            show(model, auth, agency, year, oit == null ? null : oit.code(), error, said);
            return "oit/clarify/verdicts";
        }
        Reviews.Filed filed = reviews.clarify(auth.getName(), code, year, oit.code(), said);
        if (filed != Reviews.Filed.FILED) {
            response.setStatus(HttpStatus.CONFLICT.value());
            show(model, auth, agency, year, oit.code(), "oit.review.clarify.error." + filed.name(), said);
            return "oit/clarify/verdicts";
        }
        return "redirect:/agency/" + code.value() + "/oit/" + year + "/verdicts?filed#item-" + oit.code();
    }

    /** The addresses in the text that are not links the agency submitted for the item. */
    static List<String> newLinks(String text, List<Submitted.Link> links) {
        List<String> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String found = m.group().replaceAll("[.,;:)\\]]+$", "");
            String bare = bare(found);
            if (links.stream().noneMatch(l -> bare(l.url()).equals(bare) || bare.startsWith(bare(l.url())))) {
                out.add(found);
            }
        }
        return out;
    }

    private static String bare(String url) {
        return url.toLowerCase(java.util.Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/+$", "");
    }

    private void show(Model model, Authentication auth, Agency agency, int year, String item, String error, String typed) {
        boolean open = phases.verdictsOpen(year);
        boolean may = access.canManage(auth, agency.code()) && phases.may(auth, Activity.FILE_CLARIFICATION, year);
        List<Row> rows = new ArrayList<>();
        FrameworkDefinition def = frameworks.active(year).orElse(null);
        if (def != null && open) {
            Map<String, Submitted.Item> items = submitted.items(agency.code(), year);
            Map<String, Review> byItem = reviews.all(agency.code(), year);
            Map<String, Reviews.Clarification> clarified = reviews.clarifications(agency.code(), year);
            for (OitItem i : def.oitItems()) {
                Review r = byItem.get(i.code());
                boolean canClarify = may && r != null && r.score() == 0
                        && (r.state() == ReviewState.PRELIMINARY || r.state() == ReviewState.CLARIFICATION_FILED);
                rows.add(new Row(i, items.containsKey(i.code()), r, clarified.get(i.code()), canClarify));
            }
        }
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("open", open);
        model.addAttribute("definition", def != null);
        model.addAttribute("rows", rows);
        model.addAttribute("errorItem", item);
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        model.addAttribute("maxText", MAX_TEXT);
    }
}
