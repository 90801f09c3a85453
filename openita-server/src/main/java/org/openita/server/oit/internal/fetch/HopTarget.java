package org.openita.server.oit.internal.fetch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;

/**
 * Where one hop goes, read from the link's raw authority (java.net.URI leaves the host null for spellings such as
 * 0x7f.0.0.1, 127.1 or percent-encoded hosts, so its getHost() is not enough), or why it may not go at all.
 *
 * @param trusted the host:port is on the test allow-list, so its addresses are not checked
 */
record HopTarget(String scheme, String host, int port, String pathAndQuery, boolean trusted, Outcome outcome,
                 String refusal) {

    static HopTarget of(URI link, List<String> allowHosts) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return refused(Outcome.NOT_ALLOWED_SCHEME, "not an http or https link: " + (scheme.isEmpty() ? "(none)" : scheme));
        }
        String authority = link.getRawAuthority();
        if (link.isOpaque() || authority == null || authority.isEmpty()) {
            return refused(Outcome.NOT_ALLOWED_SCHEME, "the link has no host");
        }
        if (authority.indexOf('@') >= 0) {
            return refused(Outcome.NOT_ALLOWED_SCHEME, "the link carries a user name or password");
        }
        String rawHost;
        String rawPort;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return refused(Outcome.UNSAFE_ADDRESS, "malformed IPv6 host: " + authority);
            }
            rawHost = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return refused(Outcome.NOT_ALLOWED_SCHEME, "malformed host and port: " + authority);
            }
            rawPort = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            rawHost = colon >= 0 ? authority.substring(0, colon) : authority;
            rawPort = colon >= 0 ? authority.substring(colon + 1) : "";
        }
        int port = scheme.equals("https") ? 443 : 80;
        if (!rawPort.isEmpty()) {
            if (!rawPort.matches("[0-9]{1,5}") || Integer.parseInt(rawPort) < 1 || Integer.parseInt(rawPort) > 65535) {
                return refused(Outcome.NOT_ALLOWED_SCHEME, "not a port number: " + rawPort);
            }
            port = Integer.parseInt(rawPort);
        }
        String lowerHost = rawHost.toLowerCase(Locale.ROOT);
        String path = pathAndQuery(link);
        if (allowHosts.contains(lowerHost + ":" + port)) {
            String plain = lowerHost.startsWith("[") ? lowerHost.substring(1, lowerHost.length() - 1) : lowerHost;
            return new HopTarget(scheme, plain, port, path, true, Outcome.OK, null);
        }
        AddressGuard.Result<String> host = AddressGuard.checkHost(rawHost);
        if (!host.allowed()) {
            return refused(Outcome.UNSAFE_ADDRESS, host.refusal());
        }
        return new HopTarget(scheme, host.value(), port, path, false, Outcome.OK, null);
    }

    /** The path and query as sent: non-ASCII characters percent-encoded as UTF-8, the fragment left out. */
    private static String pathAndQuery(URI link) {
        URI ascii = URI.create(link.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        return ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
    }

    /** Identifies the hop for loop detection. */
    String key() {
        return scheme + "://" + host + ":" + port + pathAndQuery;
    }

    private static HopTarget refused(Outcome outcome, String why) {
        return new HopTarget(null, null, 0, null, false, outcome, why);
    }
}
