package org.openita.server.publication.internal;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.results.OfficialResults;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Publishing an agency's year (or withdrawing it), from the agency's page: its administrator and the central
 * administrator only; another agency's year is not found. The form says which state it asks for, so a form left open
 * while someone else did the same changes nothing.
 */
@Controller
class PublicationController {

    private final Publications publications;
    private final AgencyRegistry agencies;
    private final OfficialResults results;
    private final AgencyAccess access;

    PublicationController(Publications publications, AgencyRegistry agencies, OfficialResults results, AgencyAccess access) {
        this.publications = publications;
        this.agencies = agencies;
        this.results = results;
        this.access = access;
    }

    @PostMapping("/agency/{code}/publication/{year}")
    String publish(@PathVariable AgencyCode code, @PathVariable FiscalYear year, @RequestParam(defaultValue = "true") String publish,
                   Authentication auth) {
        access.requireManageable(auth, code);
        AgencyCode agency = agencies.find(code).map(a -> a.code())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // a year without results has no public page to publish
        results.analysis(code, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FiscalYear fiscalYear = year;
        boolean on = switch (publish) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        if (on) {
            publications.publish(auth.getName(), agency, fiscalYear);
        } else {
            publications.withdraw(auth.getName(), agency, fiscalYear);
        }
        return "redirect:/agency/" + code + "?" + (on ? "published=" : "withdrawn=") + year + "#publication";
    }
}
