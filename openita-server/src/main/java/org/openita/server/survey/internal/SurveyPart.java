package org.openita.server.survey.internal;

import java.util.Optional;
import org.openita.core.framework.ToolCode;

/**
 * A survey OpenITA takes answers for: the IIT (staff) and EIT part 1 (service users), answered by respondents at
 * /s/..., and EIT part 2, collected by assessors from their devices (no respondent page, so no path).
 */
public enum SurveyPart {
    IIT("iit", ToolCode.IIT),
    EIT_PUBLIC("eit", ToolCode.EIT),
    EIT_SURVEY(null, ToolCode.EIT);

    private final String path;
    private final ToolCode tool;

    SurveyPart(String path, ToolCode tool) {
        this.path = path;
        this.tool = tool;
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
