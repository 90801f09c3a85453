package org.openita.server.oit.internal.fetch;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;

/** The agency's registered website as a host, and whether a link's host is on it ("www." is the same site). */
final class AgencySite {

    private AgencySite() {
    }

    /** The host of "https://www.x.go.th/", "www.x.go.th" or "x.go.th/path", lower case, ASCII, without "www."; or null. */
    static String host(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String w = website.strip();
        String host;
        try {
            host = w.contains("://") ? URI.create(w).getHost() : null;
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null) {
            String rest = w.contains("://") ? w.substring(w.indexOf("://") + 3) : w;
            int end = rest.length();
            for (char c : new char[] {'/', '?', '#', ':'}) {
                int i = rest.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            host = rest.substring(0, end);
            int at = host.lastIndexOf('@');
            host = at >= 0 ? host.substring(at + 1) : host;
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            host = host.toLowerCase(Locale.ROOT);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.isEmpty() ? null : host;
    }

    /** {@code linkHost} is the agency's host or a subdomain of it; both as returned by {@link #host}. */
    static boolean sameSite(String linkHost, String agencyHost) {
        return linkHost.equals(agencyHost) || linkHost.endsWith("." + agencyHost);
    }
}
