package org.openita.server.survey.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the answer pages.
 *
 * @param rateLimit how many answers one network address and one device may send
 * @param oneAnswerPerDevice refuse a second answer to the same survey from a browser that already answered it (a
 *                           signed cookie); turn off where one tablet at a counter is handed to every visitor
 * @param maxBodyBytes the largest answer form accepted; a longer body is refused before it is read
 * @param formMaxAge how long an answer form stays valid after it was opened
 */
@ConfigurationProperties("openita.survey")
public record SurveyProperties(@DefaultValue RateLimit rateLimit, @DefaultValue("true") boolean oneAnswerPerDevice,
                               @DefaultValue("16384") int maxBodyBytes, @DefaultValue("24h") Duration formMaxAge) {

    /**
     * @param enabled off only for load measurements on one machine
     * @param perAddress answers from one network address within {@code addressWindow} (an office or a school shares one)
     * @param perDevice answers from one browser within {@code deviceWindow}
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("60") int perAddress,
                            @DefaultValue("10m") Duration addressWindow, @DefaultValue("5") int perDevice,
                            @DefaultValue("1h") Duration deviceWindow) {
    }
}
