package org.openita.server.survey.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the central progress list.
 *
 * @param countsFor how long the list's counts are reused before they are counted again (in the background, the old
 *                  counts shown meanwhile; counts older than twice this are never shown); zero counts on every request
 */
@ConfigurationProperties("openita.survey.progress")
public record ProgressProperties(@DefaultValue("30s") Duration countsFor) {

    public ProgressProperties {
        if (countsFor.isNegative()) {
            throw new IllegalArgumentException("openita.survey.progress.counts-for must not be negative");
        }
    }
}
