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
 * @param writers how answers are written to the database (group commit, ADR 0030)
 */
@ConfigurationProperties("openita.survey")
public record SurveyProperties(@DefaultValue RateLimit rateLimit, @DefaultValue("true") boolean oneAnswerPerDevice,
                               @DefaultValue("16384") int maxBodyBytes, @DefaultValue("24h") Duration formMaxAge,
                               @DefaultValue Writers writers) {

    /**
     * @param enabled off only for load measurements on one machine
     * @param perAddress answers from one network address within {@code addressWindow} (an office or a school shares one)
     * @param perDevice answers from one browser within {@code deviceWindow}
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("60") int perAddress,
                            @DefaultValue("10m") Duration addressWindow, @DefaultValue("5") int perDevice,
                            @DefaultValue("1h") Duration deviceWindow) {
    }

    /**
     * @param threads writer threads, each committing one batch at a time
     * @param maxBatch the most responses one transaction stores
     * @param queue responses waiting for a writer; when it is full a request waits {@code queueWait}, then is answered
     *              503 with Retry-After
     * @param queueWait how long a request waits for room in the queue
     * @param answerWait how long a request waits for its batch's commit before it is answered 503 (not acknowledged)
     */
    public record Writers(@DefaultValue("2") int threads, @DefaultValue("200") int maxBatch, @DefaultValue("2000") int queue,
                          @DefaultValue("2s") Duration queueWait, @DefaultValue("30s") Duration answerWait) {
    }
}
