package org.openita.server.survey.internal;

import java.util.Optional;
import org.openita.core.framework.ToolCode;

/** A survey people answer through OpenITA: the IIT (staff) or EIT part 1 (service users). */
public enum SurveyPart {
    IIT("iit", ToolCode.IIT),
    EIT_PUBLIC("eit", ToolCode.EIT);

    private final String path;
    private final ToolCode tool;

    SurveyPart(String path, ToolCode tool) {
        this.path = path;
        this.tool = tool;
    }

    /** The segment of its address: /s/iit/..., /s/eit/... */
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
            if (p.path.equals(segment)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
