package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.cycle.CycleService;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The assessor's list (phone first): for each agency assigned to them, the year's contacts with what became of each, a
 * form to mark it, and how many EIT part 2 responses the agency has against its minimum. Only agencies of
 * {@code user_agency_access}; a contact of any other agency is "not found". No export of the list exists.
 */
@Controller
class FieldController {

    private final AgencyAccess access;
    private final AgencyRegistry agencies;
    private final ContactLists lists;
    private final SurveyWindows windows;
    private final FrameworkCatalog frameworks;
    private final CycleService cycles;
    private final JdbcClient jdbc;

    FieldController(AgencyAccess access, AgencyRegistry agencies, ContactLists lists, SurveyWindows windows, FrameworkCatalog frameworks,
                    CycleService cycles, JdbcClient jdbc) {
        this.access = access;
        this.agencies = agencies;
        this.lists = lists;
        this.windows = windows;
        this.frameworks = frameworks;
        this.cycles = cycles;
        this.jdbc = jdbc;
    }

    /** One agency on the list: its contacts, how many are in each status, its part 2 responses and minimum. */
    public record AgencyList(Agency agency, List<ContactLists.Row> contacts, Map<ContactStatus, Integer> byStatus, int unreadable,
                      int responses, ResponseTarget target) {
        public int shortfall() {
            return target.shortfall(responses);
        }

        public boolean met() {
            return target.set() && shortfall() == 0;
        }
    }

    @GetMapping("/field")
    String list(@RequestParam(required = false) FiscalYear year, Authentication auth, Model model) {
        Optional<SurveyWindow> window = windows.today();
        FiscalYear shown = year != null ? year : ContactListingService.runningYear(windows, cycles);
        Optional<FrameworkDefinition> def = frameworks.active(shown.buddhistEra());
        List<AgencyList> out = new ArrayList<>();
        for (Agency a : access.visible(auth).stream().sorted().map(agencies::find).flatMap(Optional::stream).toList()) {
            List<ContactLists.Row> rows = lists.rows(a.code(), shown);
            Map<ContactStatus, Integer> byStatus = new EnumMap<>(ContactStatus.class);
            for (ContactStatus s : ContactStatus.values()) {
                byStatus.put(s, 0);
            }
            rows.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
            int unreadable = (int) rows.stream().filter(r -> r.details().isEmpty()).count();
            int responses = jdbc.sql("select count(*) from survey_response where fiscal_year = ? and agency_code = ? and part = 'EIT_SURVEY'")
                    .params(shown.buddhistEra(), a.code().value()).query(Integer.class).single();
            out.add(new AgencyList(a, rows, byStatus, unreadable, responses, partTwoMinimum(def, a)));
        }
        model.addAttribute("year", shown.buddhistEra());
        model.addAttribute("window", window.filter(w -> w.year().equals(shown)).orElse(null));
        model.addAttribute("over", windows.over(shown));
        model.addAttribute("purgedAt", lists.purgedAt(shown.buddhistEra()).orElse(null));
        model.addAttribute("lists", out);
        model.addAttribute("statuses", ContactStatus.values());
        return "survey/field/list";
    }

    /** The EIT part 2 minimum of the agency by the year's definition (ADR 0035), or none without an active definition. */
    static ResponseTarget partTwoMinimum(Optional<FrameworkDefinition> def, Agency agency) {
        return def.map(d -> ResponseTarget.eitSurvey(d.responseMinimums(), agency))
                .orElse(new ResponseTarget(null, false, ResponseTarget.Missing.NO_RULE));
    }

    /** The assessor marks what became of a contact; only a contact of an agency assigned to them (else 404). */
    @PostMapping("/field/contacts/{id}/status")
    String mark(@PathVariable String id, @RequestParam(required = false) String status, Authentication auth) {
        UUID contact;
        try {
            contact = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ContactLists.Owner owner = lists.owner(contact).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!AgencyAccess.has(auth, Role.ASSESSOR) || !access.canSee(auth, owner.agency())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ContactStatus to = ContactStatus.parse(status).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        if (to != owner.status() && !lists.mark(contact, to, auth.getName(), cycles.today())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/field?year=" + owner.year().buddhistEra() + "#agency-" + owner.agency().value();
    }
}
