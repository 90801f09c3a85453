package org.openita.server.results;

import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.scoring.ScoreResult;

/** One agency's scored results for a fiscal year, with the framework they were scored under. */
public record AgencyResult(String agency, FrameworkDefinition framework, ScoreResult score) {
}
