package org.openita.server.oit.internal.review;

/**
 * Where an item's review stands. PRELIMINARY: judged by an assessor; CLARIFICATION_FILED: the agency explained an item
 * scored 0; DECIDED: the assessor judged again after the explanation; CONFIRMED: locked; REOPENED: a central
 * administrator opened a confirmed item again for the assessor.
 */
public enum ReviewState {
    PRELIMINARY, CLARIFICATION_FILED, DECIDED, REOPENED, CONFIRMED;

    /** The state after an assessor saves verdicts in this state. */
    ReviewState afterJudging() {
        return this == PRELIMINARY ? PRELIMINARY : DECIDED;
    }

    public String messageKey() {
        return "oit.review.state." + name();
    }
}
