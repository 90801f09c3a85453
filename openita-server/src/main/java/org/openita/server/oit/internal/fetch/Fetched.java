package org.openita.server.oit.internal.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * What one fetch of a link got.
 *
 * @param requested   the link as submitted
 * @param finalUrl    where the redirects ended (the requested link when there were none); null when nothing was reached
 * @param outcome     what happened
 * @param status      the final HTTP status, 0 when no response came
 * @param contentType the final response's media type without parameters, lower case; null when none
 * @param body        the bytes received, at most the size limit (empty when none)
 * @param detail      a short technical detail for the log and the assessor (never shown as the agency's message)
 * @param took        time from the first connection to the last byte
 */
public record Fetched(URI requested, URI finalUrl, Outcome outcome, int status, String contentType, byte[] body,
                      String detail, Duration took) {

    public enum Outcome {
        /** a 2xx response, read whole within the limits */
        OK,
        /** the server answered with a status other than 2xx (404, 500...) */
        HTTP_ERROR,
        /** not http or https, or no host */
        NOT_ALLOWED_SCHEME,
        /** the address (on any hop) is loopback, private, link-local, multicast, cloud metadata or otherwise not public */
        UNSAFE_ADDRESS,
        /** the name does not resolve */
        UNKNOWN_HOST,
        /** connection refused, reset, TLS failure */
        UNREACHABLE,
        /** the time limit ran out */
        TIMEOUT,
        /** the body is larger than the size limit */
        TOO_LARGE,
        /** more redirects than the limit, or a redirect loop */
        TOO_MANY_REDIRECTS
    }
}
