package org.openita.server.oit.internal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitComponent;
import org.openita.core.framework.OitItem;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.Activity;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.identity.Role;
import org.openita.server.web.TextInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The assessor's pages (docs/oit.md, "Review, clarification and confirmation"): the queue, an agency's items, and one
 * item to judge. Assessors see only the agencies assigned to them (AgencyAccess, 404 otherwise), the central
 * administrator every agency; others who may see the agency are refused (403). What may be done when follows
 * {@link Activity}: judging is REVIEW_OIT, confirming CONFIRM_RESULTS (also judging an item reopened in CONFIRMATION).
 */
@Controller
class ReviewController {

    private final AgencyAccess access;
    private final AgencyRegistry agencies;
    private final FrameworkCatalog frameworks;
    private final Reviews reviews;
    private final Submitted submitted;
    private final ReviewPhases phases;
    private final ReviewQueue queue;
    private final Confirmation confirmation;

    ReviewController(AgencyAccess access, AgencyRegistry agencies, FrameworkCatalog frameworks, Reviews reviews, Submitted submitted,
                     ReviewPhases phases, ReviewQueue queue, Confirmation confirmation) {
        this.access = access;
        this.agencies = agencies;
        this.frameworks = frameworks;
        this.reviews = reviews;
        this.submitted = submitted;
        this.phases = phases;
        this.queue = queue;
        this.confirmation = confirmation;
    }

    /** A problem with what was sent: a message key and the component it concerns (or ""). */
    public record Problem(String key, String arg) {
    }

    static boolean reviewer(Authentication auth) {
        return AgencyAccess.has(auth, Role.ASSESSOR) || AgencyAccess.has(auth, Role.CENTRAL_ADMIN);
    }

    @GetMapping("/oit/review")
    String queue(@RequestParam(required = false) Integer year, Authentication auth, Model model) {
        if (!reviewer(auth)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<Integer> years = year != null ? List.of(year) : phases.running();
        List<String> codes = AgencyAccess.has(auth, Role.CENTRAL_ADMIN) ? null
                : access.visible(auth).stream().map(AgencyCode::value).sorted().toList();
        List<ReviewQueue.Row> rows = queue.rows(years, codes);
        Map<String, String> names = new LinkedHashMap<>();
        List<ReviewQueue.Row> shown = rows.subList(0, Math.min(rows.size(), ReviewQueue.SHOWN));
        shown.forEach(r -> names.computeIfAbsent(r.agency(), c -> AgencyCode.parse(c).flatMap(agencies::find).map(Agency::nameTh).orElse(c)));
        model.addAttribute("years", years);
        model.addAttribute("rows", shown);
        model.addAttribute("more", rows.size() - shown.size());
        model.addAttribute("names", names);
        model.addAttribute("totals", ReviewQueue.totals(rows));
        return "oit/review/queue";
    }

    /** One row of the agency page: the item, its submission (or null), its review (or null) and clarification (or null). */
    public record ItemRow(OitItem item, Submitted.Item submission, Review review, Reviews.Clarification clarification) {
    }

    @GetMapping("/oit/review/{code}/{year}")
    String agency(@PathVariable AgencyCode code, @PathVariable int year, Authentication auth, Model model) {
        Agency agency = reviewable(auth, code);
        FrameworkDefinition def = definition(year);
        Map<String, Submitted.Item> items = submitted.items(code, year);
        Map<String, Review> byItem = reviews.all(code, year);
        Map<String, Reviews.Clarification> clarified = reviews.clarifications(code, year);
        List<ItemRow> rows = new ArrayList<>();
        for (OitItem item : def.oitItems()) {
            rows.add(new ItemRow(item, items.get(item.code()), byItem.get(item.code()), clarified.get(item.code())));
        }
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("score", byItem.values().stream().filter(r -> items.containsKey(r.item()) || r.locked()).mapToInt(Review::score).sum());
        model.addAttribute("judged", rows.stream().filter(r -> r.review() != null).count());
        model.addAttribute("allConfirmed", !rows.isEmpty() && rows.stream().allMatch(r -> r.review() != null && r.review().locked()));
        model.addAttribute("mayConfirm", phases.may(auth, Activity.CONFIRM_RESULTS, year));
        return "oit/review/agency";
    }

    @GetMapping("/oit/review/{code}/{year}/{item}")
    String item(@PathVariable AgencyCode code, @PathVariable int year, @PathVariable String item, Authentication auth, Model model) {
        Agency agency = reviewable(auth, code);
        OitItem oit = item(definition(year), item);
        show(model, auth, agency, year, oit, submittedItem(code, year, item), reviews.find(code, year, item).orElse(null), null, null);
        return "oit/review/item";
    }

    @PostMapping("/oit/review/{code}/{year}/{item}")
    String save(@PathVariable AgencyCode code, @PathVariable int year, @PathVariable String item,
                @RequestParam MultiValueMap<String, String> form, Authentication auth, Model model, HttpServletResponse response) {
        Agency agency = reviewable(auth, code);
        OitItem oit = item(definition(year), item);
        Submitted.Item sub = submittedItem(code, year, item);
        Optional<Review> current = reviews.find(code, year, item);
        if (!mayJudge(auth, year, current.orElse(null))) {
            return refused(response, model, "oit.review.refused.judge");
        }
        if (sub == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("messageKey", "oit.review.error.notSubmitted");
            return "oit/review/refused";
        }
        List<Problem> errors = new ArrayList<>();
        Integer version = null;
        String v = form.getFirst("version");
        if (v != null && !v.isBlank()) {
            try {
                version = Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                errors.add(new Problem("oit.review.error.version", ""));
            }
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (OitComponent c : oit.components()) {
            String pass = form.getFirst("pass." + c.code());
            String comment = form.getFirst("comment." + c.code());
            comment = comment == null ? "" : TextInput.trim(comment);
            typed.put(c.code(), comment);
            if (comment.length() > Verdict.MAX_COMMENT || TextInput.firstRefused(comment) >= 0) {
                errors.add(new Problem("oit.review.error.comment", c.code()));
            }
            if (!"yes".equals(pass) && !"no".equals(pass)) {
                errors.add(new Problem("oit.review.error.choose", c.code()));
            } else {
                verdicts.put(c.code(), new Verdict("yes".equals(pass), comment));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            show(model, auth, agency, year, oit, sub, current.orElse(null), errors, typed);
            return "oit/review/item";
        }
        Reviews.Saved saved = reviews.save(auth.getName(), code, year, item, version, verdicts);
        if (saved instanceof Reviews.Saved.Done) {
            return "redirect:/oit/review/" + code.value() + "/" + year + "/" + item + "?saved";
        }
        Review other = saved instanceof Reviews.Saved.Conflict c ? c.current() : ((Reviews.Saved.Locked) saved).current();
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("item", oit);
        model.addAttribute("current", other);
        model.addAttribute("locked", saved instanceof Reviews.Saved.Locked);
        model.addAttribute("yours", verdicts);
        return "oit/review/conflict";
    }

    @PostMapping("/oit/review/{code}/{year}/confirm")
    String confirm(@PathVariable AgencyCode code, @PathVariable int year, Authentication auth, Model model, HttpServletResponse response) {
        Agency agency = reviewable(auth, code);
        FrameworkDefinition def = definition(year);
        if (!phases.may(auth, Activity.CONFIRM_RESULTS, year)) {
            return refused(response, model, "oit.review.refused.confirm");
        }
        List<String> waiting = confirmation.confirm(auth.getName(), code, def, submitted.items(code, year).keySet());
        if (!waiting.isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("agency", agency);
            model.addAttribute("year", year);
            model.addAttribute("waiting", waiting);
            return "oit/review/waiting";
        }
        return "redirect:/oit/review/" + code.value() + "/" + year + "?confirmed";
    }

    @PostMapping("/oit/review/{code}/{year}/{item}/reopen")
    String reopen(@PathVariable AgencyCode code, @PathVariable int year, @PathVariable String item,
                  @RequestParam(required = false) String reason, Authentication auth, Model model, HttpServletResponse response) {
        Agency agency = reviewable(auth, code);
        OitItem oit = item(definition(year), item);
        if (!AgencyAccess.has(auth, Role.CENTRAL_ADMIN)) {
            return refused(response, model, "oit.review.refused.reopen");
        }
        String why = reason == null ? "" : TextInput.trim(reason);
        if (why.isEmpty() || why.length() > 1000 || TextInput.firstRefused(why) >= 0) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            show(model, auth, agency, year, oit, submitted.item(code, year, item).orElse(null), reviews.find(code, year, item).orElse(null),
                    List.of(new Problem("oit.review.error.reason", "")), null);
            return "oit/review/item";
        }
        if (!confirmation.reopen(auth.getName(), code, FiscalYear.of(year), item, why)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("messageKey", "oit.review.error.notConfirmed");
            model.addAttribute("back", "/oit/review/" + code.value() + "/" + year + "/" + item);
            return "oit/review/refused";
        }
        return "redirect:/oit/review/" + code.value() + "/" + year + "/" + item + "?reopened";
    }

    /** Judging is REVIEW_OIT; an item reopened may also be judged while CONFIRM_RESULTS is allowed; a confirmed one never. */
    boolean mayJudge(Authentication auth, int year, Review current) {
        if (current != null && current.locked()) {
            return false;
        }
        return phases.may(auth, Activity.REVIEW_OIT, year)
                || (current != null && current.state() == ReviewState.REOPENED && phases.may(auth, Activity.CONFIRM_RESULTS, year));
    }

    private void show(Model model, Authentication auth, Agency agency, int year, OitItem item, Submitted.Item sub, Review review,
                      List<Problem> errors, Map<String, String> typed) {
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("item", item);
        model.addAttribute("submission", sub);
        model.addAttribute("review", review);
        model.addAttribute("clarification", reviews.clarification(agency.code(), year, item.code()).orElse(null));
        model.addAttribute("reopenings", reviews.reopenings(agency.code(), year, item.code()));
        model.addAttribute("mayJudge", sub != null && mayJudge(auth, year, review));
        model.addAttribute("mayReopen", review != null && review.locked() && AgencyAccess.has(auth, Role.CENTRAL_ADMIN));
        model.addAttribute("errors", errors == null ? List.of() : errors);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
    }

    private static String refused(HttpServletResponse response, Model model, String key) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("messageKey", key);
        return "oit/review/refused";
    }

    /** The agency, when this person reviews it: 404 unless they may see it, 403 unless they are an assessor or central. */
    private Agency reviewable(Authentication auth, AgencyCode code) {
        access.requireVisible(auth, code);
        if (!reviewer(auth)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private FrameworkDefinition definition(int year) {
        return frameworks.active(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static OitItem item(FrameworkDefinition def, String code) {
        return def.oitItem(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Submitted.Item submittedItem(AgencyCode code, int year, String item) {
        return submitted.item(code, year, item).orElse(null);
    }
}
