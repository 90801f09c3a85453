package org.openita.server.results;

import org.openita.core.analysis.AgencyProfile;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.scoring.ScoreResult;

/** One agency's scored results for a fiscal year, with the framework they were scored under. */
public record AgencyResult(String agency, AgencyProfile profile, FrameworkDefinition framework, ScoreResult score) {
}
