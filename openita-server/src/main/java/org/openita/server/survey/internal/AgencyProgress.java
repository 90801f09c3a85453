package org.openita.server.survey.internal;

import org.openita.server.agency.AgencyCode;

/** One agency's survey progress in a year: responses of each part and the minimum each needs. Public for the templates. */
public record AgencyProgress(AgencyCode code, String name, Integer staffCount, int iit, ResponseTarget iitTarget, int eitPublic,
                             ResponseTarget eitTarget) {

    public int iitShortfall() {
        return iitTarget.shortfall(iit);
    }

    public int eitShortfall() {
        return eitTarget.shortfall(eitPublic);
    }

    /** Responses still needed in both parts together. */
    public int shortfall() {
        return iitShortfall() + eitShortfall();
    }

    public boolean below() {
        return shortfall() > 0;
    }
}
