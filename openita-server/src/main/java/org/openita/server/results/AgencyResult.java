package org.openita.server.results;

import org.openita.core.analysis.AgencyProfile;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;

/** One agency's scored results for a fiscal year, with the framework they were scored under. */
public record AgencyResult(String agency, AgencyProfile profile, FrameworkDefinition framework, ScoreResult score) {

    /** A score input as read, scored under the framework it was read against. */
    public static AgencyResult of(ScoreInputReader.Read read) {
        return new AgencyResult(read.input().agency(), read.agency(), read.framework(), ScoringEngine.score(read.framework(), read.input()));
    }
}
