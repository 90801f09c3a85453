package org.openita.server.oit.internal.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the pre-check fetches submitted links (ADR 0036, docs/security.md §5).
 *
 * @param maxBody          the most bytes of one response read (after decompression); a larger body is TOO_LARGE
 * @param connectTimeout   the longest wait for a TCP (and TLS) connection to one address
 * @param readTimeout      the longest silence while waiting for response bytes
 * @param totalTimeout     the longest one fetch may take, every redirect hop included (waits for a busy host excluded)
 * @param maxRedirects     redirects followed before TOO_MANY_REDIRECTS
 * @param perHostRequests  requests in flight to one host at a time, across the whole process
 * @param perHostDelay     the least time between the starts of two requests to the same host
 * @param maxHeaderLine    the longest response status or header line, in bytes
 * @param maxHeaderCount   the most response header lines
 * @param userAgent        the User-Agent sent
 * @param allowHosts       FOR TESTS ONLY: host:port pairs that skip the address check (empty in every deployment; the
 *                         application logs a warning when it is not)
 */
@ConfigurationProperties("openita.oit.fetch")
public record FetchProperties(
        @DefaultValue("20MB") DataSize maxBody,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration totalTimeout,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("2") int perHostRequests,
        @DefaultValue("1s") Duration perHostDelay,
        @DefaultValue("8192") int maxHeaderLine,
        @DefaultValue("100") int maxHeaderCount,
        @DefaultValue("OpenITA-precheck/1 (+https://github.com/openita)") String userAgent,
        List<String> allowHosts) {

    public FetchProperties {
        require(maxBody.toBytes() > 0 && maxBody.toBytes() <= Integer.MAX_VALUE - 8, "max-body must be 1 byte to 2 GB");
        require(positive(connectTimeout), "connect-timeout must be positive");
        require(positive(readTimeout), "read-timeout must be positive");
        require(positive(totalTimeout), "total-timeout must be positive");
        require(maxRedirects >= 0 && maxRedirects <= 20, "max-redirects must be 0 to 20");
        require(perHostRequests >= 1 && perHostRequests <= 50, "per-host-requests must be 1 to 50");
        require(perHostDelay != null && !perHostDelay.isNegative(), "per-host-delay must not be negative");
        require(maxHeaderLine >= 1024, "max-header-line must be at least 1024");
        require(maxHeaderCount >= 10, "max-header-count must be at least 10");
        require(userAgent != null && !userAgent.isBlank(), "user-agent must not be blank");
        allowHosts = allowHosts == null ? List.of() : allowHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (String h : allowHosts) {
            require(h.matches(".+:[0-9]{1,5}"), "allow-hosts entries are host:port: " + h);
        }
    }

    /** The defaults, as a deployment gets them. */
    public static FetchProperties defaults() {
        return new FetchProperties(DataSize.ofMegabytes(20), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 5, 2, Duration.ofSeconds(1), 8192, 100,
                "OpenITA-precheck/1 (+https://github.com/openita)", List.of());
    }

    public FetchProperties withAllowHosts(List<String> hosts) {
        return new FetchProperties(maxBody, connectTimeout, readTimeout, totalTimeout, maxRedirects, perHostRequests,
                perHostDelay, maxHeaderLine, maxHeaderCount, userAgent, hosts);
    }

    public FetchProperties withLimits(DataSize body, Duration total, int redirects) {
        return new FetchProperties(body, connectTimeout, readTimeout, total, redirects, perHostRequests, perHostDelay,
                maxHeaderLine, maxHeaderCount, userAgent, allowHosts);
    }

    public FetchProperties withPoliteness(int requests, Duration delay) {
        return new FetchProperties(maxBody, connectTimeout, readTimeout, totalTimeout, maxRedirects, requests, delay,
                maxHeaderLine, maxHeaderCount, userAgent, allowHosts);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("openita.oit.fetch." + message);
        }
    }
}
