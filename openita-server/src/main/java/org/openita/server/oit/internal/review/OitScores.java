package org.openita.server.oit.internal.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.oit.ConfirmedOit;
import org.openita.server.results.ComputedResults;
import org.openita.server.results.ResultBasis;
import org.openita.server.results.ScoreInputAgency;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts an agency's confirmed OIT verdicts into its computed result, merged with what the row already holds (the survey
 * questions), so that the results page, the reports and the exports score indicators 9 and 10 from them. An official
 * result is never replaced ({@link ComputedResults#store} refuses).
 */
@Component
class OitScores {

    private final ConfirmedOit confirmed;
    private final ComputedResults results;
    private final AgencyRegistry agencies;

    OitScores(ConfirmedOit confirmed, ComputedResults results, AgencyRegistry agencies) {
        this.confirmed = confirmed;
        this.results = results;
        this.agencies = agencies;
    }

    /** Stores the agency's confirmed verdicts of the year in its computed result; false when an official result stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean store(String actor, AgencyCode agency, FiscalYear year) {
        Map<String, Map<String, Boolean>> verdicts = confirmed.of(agency, year);
        ObjectNode input = results.input(agency, year).map(s -> (ObjectNode) Reviews.JSON.readTree(s)).orElse(null);
        if (input == null && verdicts.isEmpty()) {
            return true;
        }
        if (input == null) {
            input = Reviews.JSON.createObjectNode();
            Map<String, Object> head = new LinkedHashMap<>();
            agencies.find(agency).ifPresent(a -> head.put("agency", ScoreInputAgency.of(a)));
            head.put("year", year.buddhistEra());
            input = (ObjectNode) Reviews.JSON.valueToTree(head);
        }
        if (verdicts.isEmpty()) {
            input.remove("oit");
        } else {
            input.set("oit", Reviews.JSON.valueToTree(ConfirmedOit.evidence(verdicts)));
        }
        ResultBasis basis = results.basis(agency, year).orElse(new ResultBasis(Map.of(), List.of()));
        ComputedResults.Stored stored = results.store(actor, year, List.of(new ComputedResults.Computed(agency,
                Reviews.JSON.writeValueAsString(input), basis)));
        return stored.officialKept().isEmpty();
    }
}
