package org.openita.server.survey.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyPagePart;
import org.openita.server.cycle.CycleService;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.identity.PublicSite;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The surveys card of an agency's page: the year whose survey phase runs today (or comes next) and its dates, the
 * progress of the IIT and EIT parts 1 and 2 against their minimums; for those who manage the agency also the answer links,
 * the printable kits, IIT slips and the exports.
 */
@Component
class SurveyCard implements AgencyPagePart {

    private final SurveyWindows windows;
    private final CycleService cycles;
    private final SurveyProgress progress;
    private final SlipIssue slips;
    private final AgencyAccess access;
    private final PublicSite site;
    private final FrameworkCatalog frameworks;

    SurveyCard(SurveyWindows windows, CycleService cycles, SurveyProgress progress, SlipIssue slips, AgencyAccess access,
               PublicSite site, FrameworkCatalog frameworks) {
        this.windows = windows;
        this.cycles = cycles;
        this.progress = progress;
        this.slips = slips;
        this.access = access;
        this.site = site;
        this.frameworks = frameworks;
    }

    @Override
    public String template() {
        return "survey/admin/agency-part";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Optional<Map<String, Object>> values(Agency agency, Authentication auth) {
        if (!access.canSee(auth, agency.code())) {
            return Optional.empty();
        }
        Optional<SurveyWindow> window = windows.today();
        FiscalYear year = window.map(SurveyWindow::year).orElse(FiscalYear.containing(cycles.today()));
        AgencyProgress p = progress.of(agency, year);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", agency.code().value());
        v.put("year", year.buddhistEra());
        v.put("window", window.orElse(null));
        String state = window.map(w -> w.open() ? "open" : w.closedEarly() ? "closed" : w.notYet(cycles.today()) ? "notYet" : "ended")
                .orElse("noWindow");
        v.put("state", state);
        // closed early or ended: no more answers, so no more kits or slips to print (the server refuses slips too)
        v.put("over", state.equals("closed") || state.equals("ended"));
        List<Map<String, Object>> rows = new java.util.ArrayList<>(List.of(row("IIT", p.iit(), p.iitTarget()),
                row("EIT_PUBLIC", p.eitPublic(), p.eitTarget())));
        if (p.hasSurvey()) { // EIT part 2, collected by the assessors: its own count against its own minimum
            rows.add(row("EIT_SURVEY", p.eitSurvey(), p.surveyTarget()));
        }
        v.put("rows", rows);
        v.put("provisional", p.iitTarget().provisional() || p.eitTarget().provisional() || p.surveyTarget().provisional());
        v.put("staffMissing", p.iitTarget().missing() == ResponseTarget.Missing.NO_STAFF_COUNT);
        v.put("staffEditable", staffEditable(auth));
        boolean manage = access.canManage(auth, agency.code());
        v.put("canManage", manage);
        if (manage) {
            var definition = frameworks.active(year.buddhistEra());
            v.put("definition", definition.isPresent());
            // the answer pages show each question's wording from the definition: say when it is our own summary
            v.put("wordingProvisional", definition.map(d -> d.questions().stream()
                    .anyMatch(q -> q.tool() != org.openita.core.framework.ToolCode.OIT && q.provenance().confidence().isProvisional()))
                    .orElse(false));
            v.put("iitLink", site.link("/s/iit/{code}", agency.code().value()));
            v.put("eitLink", site.link("/s/eit/{code}", agency.code().value()));
            v.put("slipsIssued", slips.issued(agency.code(), year));
            v.put("maxSlips", SlipIssue.MOST);
            v.put("iitExportable", p.iit() >= ResponseExport.IIT_SMALLEST);
            v.put("hasSurvey", p.hasSurvey());
            v.put("surveyExportable", p.eitSurvey() >= SurveyPart.EIT_SURVEY.fewestShown());
            v.put("surveySmallest", SurveyPart.EIT_SURVEY.fewestShown());
            v.put("smallest", ResponseExport.IIT_SMALLEST);
        }
        return Optional.of(v);
    }

    /** Whether the agency page shows its staff-count form to this person today (the cycle calendar decides when). */
    private boolean staffEditable(Authentication auth) {
        java.time.LocalDate today = cycles.today();
        List<org.openita.server.cycle.Phase> now = cycles.windows(FiscalYear.containing(today).buddhistEra())
                .map(w -> org.openita.server.cycle.CycleCalendar.current(w, today)).orElse(List.of());
        for (org.openita.server.identity.Role role : org.openita.server.identity.Role.values()) {
            if (AgencyAccess.has(auth, role) && org.openita.server.cycle.Activity.EDIT_AGENCY_DATA.allowed(role, now)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> row(String part, int responses, ResponseTarget target) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("part", part);
        r.put("responses", responses);
        r.put("minimum", target.minimum());
        r.put("missingKey", target.missingKey());
        r.put("provisional", target.provisional());
        r.put("shortfall", target.shortfall(responses));
        r.put("met", target.set() && target.shortfall(responses) == 0);
        return r;
    }
}
