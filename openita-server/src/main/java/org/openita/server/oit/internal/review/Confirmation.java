package org.openita.server.oit.internal.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.OitComponent;
import org.openita.core.framework.OitItem;
import org.openita.server.agency.AgencyCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirms an agency's verdicts and reopens an item, each with the agency's computed result brought up to date. */
@Service
class Confirmation {

    private final Reviews reviews;
    private final OitScores scores;

    Confirmation(Reviews reviews, OitScores scores) {
        this.reviews = reviews;
        this.scores = scores;
    }

    /** Confirms; returns the items still to judge or decide (nothing confirmed then). */
    @Transactional
    List<String> confirm(String actor, AgencyCode agency, FrameworkDefinition def, Set<String> submitted) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        for (OitItem item : def.oitItems()) {
            items.put(item.code(), item.components().stream().map(OitComponent::code).toList());
        }
        List<String> waiting = reviews.confirm(actor, agency, def.year().buddhistEra(), items, submitted);
        if (waiting.isEmpty()) {
            scores.store(actor, agency, def.year());
        }
        return waiting;
    }

    /** Reopens a confirmed item; false when it is not confirmed. */
    @Transactional
    boolean reopen(String actor, AgencyCode agency, FiscalYear year, String item, String reason) {
        if (!reviews.reopen(actor, agency, year.buddhistEra(), item, reason)) {
            return false;
        }
        scores.store(actor, agency, year);
        return true;
    }
}
