package org.openita.server.survey.internal;

import org.openita.core.framework.ResponseMinimums;
import org.openita.server.agency.Agency;

/**
 * The minimum number of responses an agency needs in one survey part, by the year's definition, or why there is none.
 *
 * @param minimum the number, or null when there is none
 * @param provisional the rule that gave it rests on weak evidence (said on internal pages only, never in published ones)
 * @param missing why there is no minimum, or null when there is one
 */
public record ResponseTarget(Integer minimum, boolean provisional, Missing missing) {

    /** Why an agency has no minimum. */
    public enum Missing {
        /** The year's definition has no rule for this part (or the year has no active definition). */
        NO_RULE,
        /** The IIT rule needs the number of eligible staff, which the agency has not entered. */
        NO_STAFF_COUNT
    }

    static ResponseTarget iit(ResponseMinimums rules, Agency agency) {
        return rules.iit().map(rule -> agency.staffCount() == null ? new ResponseTarget(null, false, Missing.NO_STAFF_COUNT)
                        : new ResponseTarget(rule.minimum(agency.staffCount()), rule.provisional(), null))
                .orElse(new ResponseTarget(null, false, Missing.NO_RULE));
    }

    static ResponseTarget eitPublic(ResponseMinimums rules, Agency agency) {
        return byGroup(rules.eitPublic(), agency);
    }

    /** The EIT part-2 minimum: how many stakeholders the assessors must reach for the agency (ADR 0031, 0035). */
    static ResponseTarget eitSurvey(ResponseMinimums rules, Agency agency) {
        return byGroup(rules.eitSurvey(), agency);
    }

    private static ResponseTarget byGroup(java.util.Optional<ResponseMinimums.GroupRule> rules, Agency agency) {
        String type = agency.type() == null ? "OTHER" : agency.type().name();
        String size = agency.size() == null || agency.size().isBlank() ? null : agency.size().trim();
        return rules.map(rule -> new ResponseTarget(rule.minimum(type, size), rule.provenance(type, size).isProvisional(), null))
                .orElse(new ResponseTarget(null, false, Missing.NO_RULE));
    }

    public boolean set() {
        return minimum != null;
    }

    /** How many responses are still needed: 0 when the minimum is met or there is none. */
    public int shortfall(int responses) {
        return minimum == null ? 0 : Math.max(0, minimum - responses);
    }

    /** The message key of why there is no minimum. */
    public String missingKey() {
        return missing == null ? null : missing == Missing.NO_RULE ? "surveys.minimum.noRule" : "surveys.minimum.noStaffCount";
    }
}
