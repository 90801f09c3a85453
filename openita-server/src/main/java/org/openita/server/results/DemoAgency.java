package org.openita.server.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.stereotype.Service;

/**
 * The demo agency shown on the home page: Samdet SAO's published 2568 results
 * (examples/samdet-2568.json), scored by the engine under the active 2568 framework.
 */
@Service
public class DemoAgency {

    static final String RESOURCE = "/examples/samdet-2568.json";
    static final String PREVIOUS = "/examples/samdet-2567.json";

    private final FrameworkCatalog frameworks;
    private final String input;
    private final String previousInput;

    DemoAgency(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
        this.input = resource(RESOURCE);
        this.previousInput = resource(PREVIOUS);
    }

    private static String resource(String name) {
        try (InputStream in = DemoAgency.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo input " + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AgencyResult result() {
        return score(input);
    }

    /** Last year's results of the demo agency, for the year-over-year comparison. */
    public AgencyResult previous() {
        return score(previousInput);
    }

    private AgencyResult score(String json) {
        return AgencyResult.of(ScoreInputReader.read(json, frameworks::active));
    }
}
