package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.List;
import org.openita.server.agency.AgencyCode;

/**
 * One agency's survey progress in a year: responses of each part (IIT, EIT part 1, EIT part 2) and the minimum each
 * needs. The parts are never added together: an IIT response and an EIT response are different people answering
 * different questions, and the minimums differ in scale (hundreds of staff, tens of service users, a handful of
 * stakeholders the assessors reach). Public for the templates.
 */
public record AgencyProgress(AgencyCode code, String name, Integer staffCount, int iit, ResponseTarget iitTarget, int eitPublic,
                             ResponseTarget eitTarget, int eitSurvey, ResponseTarget surveyTarget) {

    /** Progress of a year without EIT part 2 (no part-2 responses, no part-2 minimum). */
    public AgencyProgress(AgencyCode code, String name, Integer staffCount, int iit, ResponseTarget iitTarget, int eitPublic,
                          ResponseTarget eitTarget) {
        this(code, name, staffCount, iit, iitTarget, eitPublic, eitTarget, 0, new ResponseTarget(null, false, ResponseTarget.Missing.NO_RULE));
    }

    public int iitShortfall() {
        return iitTarget.shortfall(iit);
    }

    public int eitShortfall() {
        return eitTarget.shortfall(eitPublic);
    }

    public int surveyShortfall() {
        return surveyTarget.shortfall(eitSurvey);
    }

    public boolean iitBelow() {
        return iitShortfall() > 0;
    }

    public boolean eitBelow() {
        return eitShortfall() > 0;
    }

    public boolean surveyBelow() {
        return surveyShortfall() > 0;
    }

    /** Whether the year has EIT part 2 to show: a part-2 minimum, or part-2 responses. */
    public boolean hasSurvey() {
        return surveyTarget.set() || eitSurvey > 0;
    }

    /** Any part is below its minimum. */
    public boolean below() {
        return iitBelow() || eitBelow() || surveyBelow();
    }

    /** The parts below their minimum, as survey part codes (IIT, EIT_PUBLIC, EIT_SURVEY), in that order. */
    public List<String> belowParts() {
        List<String> out = new ArrayList<>(3);
        if (iitBelow()) {
            out.add(SurveyPart.IIT.code());
        }
        if (eitBelow()) {
            out.add(SurveyPart.EIT_PUBLIC.code());
        }
        if (surveyBelow()) {
            out.add(SurveyPart.EIT_SURVEY.code());
        }
        return out;
    }

    /** Whether some part has a minimum. */
    public boolean anyMinimum() {
        return iitTarget.set() || eitTarget.set() || surveyTarget.set();
    }

    /**
     * How far the worst part is from its minimum, as the share of the minimum still missing (0 when all are met, 1
     * when a part with a minimum has no response yet): comparable across parts and agencies of any size.
     */
    public double worstGap() {
        return Math.max(Math.max(gap(iitShortfall(), iitTarget), gap(eitShortfall(), eitTarget)), gap(surveyShortfall(), surveyTarget));
    }

    private static double gap(int shortfall, ResponseTarget target) {
        return shortfall == 0 ? 0 : (double) shortfall / target.minimum();
    }
}
