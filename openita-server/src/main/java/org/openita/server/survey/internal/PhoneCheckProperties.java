package org.openita.server.survey.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional phone check of EIT part 1 (docs/adr/0027-phone-check-for-eit-part-1.md): off unless turned on. When
 * on, a service user enters a Thai mobile number and the code sent to it by SMS before the questionnaire shows.
 *
 * @param enabled ask for a phone and a code before the EIT part 1 questionnaire
 * @param sender which {@link SmsSender} sends the codes: {@code http} (an HTTP SMS gateway, {@link #gateway()}); a
 *               deployment may instead declare its own {@code SmsSender} bean
 * @param codeValidity how long a code works after it was sent
 * @param attempts wrong codes accepted before a new code is needed
 * @param proofMaxAge how long a verified phone lets this browser answer
 * @param perPhone codes sent to one phone within {@code phoneWindow}
 * @param perAddress codes asked from one network address within {@code addressWindow}
 * @param perAgencyPerDay codes sent for one agency's survey in a day (every SMS costs money)
 * @param message the SMS text: {@code {agency}} is the agency's Thai name, {@code {code}} the code
 */
@ConfigurationProperties("openita.survey.phone-check")
public record PhoneCheckProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http") String sender,
        @DefaultValue("10m") Duration codeValidity,
        @DefaultValue("5") int attempts,
        @DefaultValue("2h") Duration proofMaxAge,
        @DefaultValue("3") int perPhone,
        @DefaultValue("1h") Duration phoneWindow,
        @DefaultValue("10") int perAddress,
        @DefaultValue("1h") Duration addressWindow,
        @DefaultValue("500") int perAgencyPerDay,
        @DefaultValue("รหัสยืนยันแบบสำรวจ ITA ของ {agency} คือ {code} ใช้ได้ภายใน 10 นาที") String message,
        @DefaultValue Gateway gateway) {

    /**
     * An HTTP SMS gateway: one POST per message. The body is {@code bodyTemplate} with {@code {to}} (the number as
     * 66XXXXXXXXX), {@code {to0}} (as 0XXXXXXXXX) and {@code {text}} put in, each escaped for {@code contentType}
     * (JSON string escapes, or form URL-encoding). Any 2xx is a message accepted; anything else is a failure.
     *
     * @param url where to POST (required when the http sender is used)
     * @param authHeader the header that carries the gateway's credential, e.g. Authorization
     * @param authValue its value, from the environment (OPENITA_SURVEY_PHONECHECK_GATEWAY_AUTHVALUE), never the repository
     * @param contentType application/json or application/x-www-form-urlencoded
     * @param bodyTemplate the body with its placeholders
     * @param headers further fixed headers some gateways ask for
     * @param timeout the longest wait for the gateway, connecting and answering
     */
    public record Gateway(URI url, @DefaultValue("Authorization") String authHeader, String authValue,
                          @DefaultValue("application/json") String contentType,
                          @DefaultValue("{\"to\":\"{to}\",\"text\":\"{text}\"}") String bodyTemplate,
                          Map<String, String> headers, @DefaultValue("5s") Duration timeout) {
    }
}
