package org.openita.server.survey.internal;

import java.util.Optional;
import org.openita.core.framework.ToolCode;

/**
 * A survey OpenITA takes answers for: the IIT (staff) and EIT part 1 (service users), answered by respondents at
 * /s/..., and EIT part 2, collected by assessors from their devices (no respondent page, so no path).
 */
public enum SurveyPart {
    IIT("iit", ToolCode.IIT, 5),
    EIT_PUBLIC("eit", ToolCode.EIT, 5),
    EIT_SURVEY(null, ToolCode.EIT, 3);

    private final String path;
    private final ToolCode tool;
    private final int fewestShown;

    SurveyPart(String path, ToolCode tool, int fewestShown) {
        this.path = path;
        this.tool = tool;
        this.fewestShown = fewestShown;
    }

    /**
     * The fewest responses of an agency's part that are scored, or exported one by one (docs/surveys.md): below it,
     * question scores or rows would show too few people's answers. Five for the IIT, whose respondents the agency employs
     * and knows, and for EIT part 1; three for EIT part 2, whose respondents the agency named but does not learn which of
     * them were reached (their outcomes are the assessor's), three being the usual smallest cell of statistical tables.
     */
    public int fewestShown() {
        return fewestShown;
    }

    /** The part of a stored response's code (IIT, EIT_PUBLIC, EIT_SURVEY). */
    static SurveyPart ofCode(String code) {
        return valueOf(code);
    }

    /** The segment of its respondents' address: /s/iit/..., /s/eit/...; null for EIT part 2, which respondents do not open. */
    public String path() {
        return path;
    }

    public ToolCode tool() {
        return tool;
    }

    /** The part code of the framework definition (IIT for the IIT, which has no parts). */
    public String code() {
        return name();
    }

    public static Optional<SurveyPart> ofPath(String segment) {
        for (SurveyPart p : values()) {
            if (p.path != null && p.path.equals(segment)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
