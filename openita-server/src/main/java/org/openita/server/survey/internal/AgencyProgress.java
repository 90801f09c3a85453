package org.openita.server.survey.internal;

import org.openita.server.agency.AgencyCode;

/**
 * One agency's survey progress in a year: responses of each part and the minimum each needs. The two parts are never
 * added together: an IIT response and an EIT response are different people answering different questions, and the
 * minimums differ in scale (hundreds of staff, tens of service users). Public for the templates.
 */
public record AgencyProgress(AgencyCode code, String name, Integer staffCount, int iit, ResponseTarget iitTarget, int eitPublic,
                             ResponseTarget eitTarget) {

    public int iitShortfall() {
        return iitTarget.shortfall(iit);
    }

    public int eitShortfall() {
        return eitTarget.shortfall(eitPublic);
    }

    public boolean iitBelow() {
        return iitShortfall() > 0;
    }

    public boolean eitBelow() {
        return eitShortfall() > 0;
    }

    /** Either part is below its minimum. */
    public boolean below() {
        return iitBelow() || eitBelow();
    }

    /**
     * How far the worse part is from its minimum, as the share of the minimum still missing (0 when both are met, 1
     * when a part with a minimum has no response yet): comparable across parts and agencies of any size.
     */
    public double worstGap() {
        return Math.max(gap(iitShortfall(), iitTarget), gap(eitShortfall(), eitTarget));
    }

    private static double gap(int shortfall, ResponseTarget target) {
        return shortfall == 0 ? 0 : (double) shortfall / target.minimum();
    }
}
