package org.openita.server.results.internal;

import java.util.Locale;
import java.util.Optional;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.server.agency.Agency;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.results.OfficialResults;
import org.openita.server.results.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** An agency's results for a fiscal year, for everyone allowed to see the agency; a code or year that is not one is "not found". */
@Controller
class ResultPageController {

    private final OfficialResults results;
    private final AgencyRegistry agencies;
    private final AgencyAccess access;
    private final org.openita.server.framework.FrameworkCatalog frameworks;
    private final org.openita.server.results.ComputedResults computed;

    ResultPageController(OfficialResults results, AgencyRegistry agencies, AgencyAccess access,
                         org.openita.server.framework.FrameworkCatalog frameworks, org.openita.server.results.ComputedResults computed) {
        this.results = results;
        this.computed = computed;
        this.agencies = agencies;
        this.access = access;
        this.frameworks = frameworks;
    }

    @GetMapping("/agency/{code}/results/{year}")
    String page(@PathVariable AgencyCode code, @PathVariable FiscalYear year, Authentication auth, Model model, Locale locale,
                jakarta.servlet.http.HttpServletResponse response) {
        access.requireVisible(auth, code);
        Agency agency = agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Analysis> found = results.analysis(code, year);
        model.addAttribute("agency", agency);
        model.addAttribute("year", year.buddhistEra());
        if (found.isEmpty()) {
            // no result for the year (never imported, or computed scores withdrawn while the surveys are open again):
            // a page that says so and leads on, answered 404 as before
            model.addAttribute("years", results.years(code).stream().map(FiscalYear::buddhistEra).toList());
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "results/none";
        }
        Analysis analysis = found.get();
        model.addAttribute("analysis", analysis);
        model.addAttribute("page", ResultPage.of(analysis, locale));
        // computed by OpenITA from the agency's own survey answers: what from, in the reader's language
        boolean english = "en".equals(locale.getLanguage());
        var basis = computed.basis(code, year);
        model.addAttribute("basisLabel", basis.map(b -> b.label(english)).orElse(null));
        // parts whose responses were fewer than the agency's minimum when the surveys closed: said plainly beside it
        model.addAttribute("basisBelow", basis.map(b -> b.belowMinimumNote(english)).orElse(null));
        model.addAttribute("basisBelowProvisional", basis.map(b -> b.belowMinimumProvisional()).orElse(false));
        // the version the figures were scored under: the active one, named by its version field and SHA-256
        model.addAttribute("definitionVersion", frameworks.activeVersion(year.buddhistEra())
                .filter(v -> v.version().equals(analysis.framework().version())).orElse(null));
        model.addAttribute("years", results.years(code).stream().map(FiscalYear::buddhistEra).toList());
        model.addAttribute("canManage", access.canManage(auth, code));
        return "results/page";
    }
}
