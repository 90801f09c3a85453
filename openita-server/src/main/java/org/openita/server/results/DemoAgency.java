package org.openita.server.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.stereotype.Service;

/**
 * The demo agency shown on the home page: Samdet SAO's published 2568 results
 * (examples/samdet-2568.json), scored by the engine under the active 2568 framework.
 */
@Service
public class DemoAgency {

    static final String RESOURCE = "/examples/samdet-2568.json";

    private final FrameworkCatalog frameworks;
    private final String input;

    DemoAgency(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
        try (InputStream in = DemoAgency.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo input " + RESOURCE + " is missing from the application");
            }
            this.input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AgencyResult result() {
        ScoreInputReader.Read read = ScoreInputReader.read(input, frameworks::active);
        return new AgencyResult(read.input().agency(), read.framework(), ScoringEngine.score(read.framework(), read.input()));
    }
}
