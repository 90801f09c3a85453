package org.openita.server.oit.internal.fetch;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which hosts and addresses a submitted link may reach: only public ones (docs/security.md §5, ADR 0036). Pure functions,
 * no DNS: {@link #checkHost} judges the host as written in the link, {@link #checkAddress} each address a name resolves
 * to (and every literal address), so a name that resolves to a private address is refused where it is connected.
 */
final class AddressGuard {

    /** Why a host or address is refused; null reason means it may be reached. */
    record Verdict(String refusal) {
        static final Verdict PUBLIC = new Verdict(null);

        boolean allowed() {
            return refusal == null;
        }
    }

    /** Names that mean this machine, the local network or a cloud's metadata service, whatever DNS says. */
    private static final Set<String> REFUSED_NAMES = Set.of("localhost", "metadata", "instance-data",
            "metadata.google.internal", "metadata.azure.com", "metadata.oraclecloud.com");
    private static final String[] REFUSED_SUFFIXES = {".localhost", ".internal", ".local", ".localdomain", ".home.arpa",
            ".intranet", ".lan", ".corp"};

    private AddressGuard() {
    }

    /**
     * The host as written in a link, after percent-decoding is refused and before any DNS: a name, a dotted IPv4 address,
     * or a bracketed IPv6 address. Numeric spellings other than the plain dotted quad (decimal 2130706433, octal
     * 0177.0.0.1, hex 0x7f.0.0.1, short 127.1, 0) are refused whatever they stand for: Java, the C library and browsers
     * read them differently, so no check of one reading is safe.
     *
     * @return the host to resolve (lower case, ASCII, no trailing dot, IPv6 without brackets), or a refusal
     */
    static Result<String> checkHost(String rawHost) {
        if (rawHost == null || rawHost.isEmpty()) {
            return Result.refused("no host");
        }
        if (rawHost.indexOf('%') >= 0) {
            return Result.refused("percent-encoded host or IPv6 zone: " + rawHost);
        }
        if (rawHost.startsWith("[")) {
            if (!rawHost.endsWith("]")) {
                return Result.refused("malformed IPv6 host: " + rawHost);
            }
            String inner = rawHost.substring(1, rawHost.length() - 1);
            Optional<InetAddress> v6 = ipv6Literal(inner);
            if (v6.isEmpty()) {
                return Result.refused("malformed IPv6 host: " + rawHost);
            }
            Verdict v = checkAddress(v6.get());
            return v.allowed() ? Result.ok(inner.toLowerCase(Locale.ROOT)) : Result.refused(v.refusal());
        }
        String host;
        try {
            host = IDN.toASCII(rawHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Result.refused("host is not a valid name: " + rawHost);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.startsWith(".") || host.contains("..") || !host.matches("[a-z0-9.\\-_]+")) {
            return Result.refused("host is not a valid name: " + rawHost);
        }
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.matches("[0-9]+|0x[0-9a-f]*")) {
            // it ends in a number, so URL parsers read it as an IPv4 address
            Optional<InetAddress> v4 = dottedQuad(host);
            if (v4.isEmpty()) {
                return Result.refused("IPv4 address in an unusual spelling (decimal, octal, hex or short): " + rawHost);
            }
            Verdict v = checkAddress(v4.get());
            return v.allowed() ? Result.ok(host) : Result.refused(v.refusal());
        }
        if (REFUSED_NAMES.contains(host)) {
            return Result.refused("local or metadata host name: " + host);
        }
        for (String suffix : REFUSED_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return Result.refused("local or metadata host name: " + host);
            }
        }
        if (host.indexOf('.') < 0) {
            return Result.refused("single-label host name (resolved through the local search domains): " + host);
        }
        return Result.ok(host);
    }

    /** The address as literal, when {@code host} (as returned by {@link #checkHost}) is one; empty for a name. */
    static Optional<InetAddress> literal(String host) {
        if (host.indexOf(':') >= 0) {
            return ipv6Literal(host);
        }
        return dottedQuad(host);
    }

    /** Only a.b.c.d with four decimal parts of 0-255 and no leading zeros. */
    static Optional<InetAddress> dottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (!p.matches("0|[1-9][0-9]{0,2}")) {
                return Optional.empty();
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return Optional.empty();
            }
            b[i] = (byte) n;
        }
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv6Literal(String s) {
        if (s.indexOf(':') < 0 || !s.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s)); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address about to be connected to: public unicast only. */
    static Verdict checkAddress(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return checkV4(a);
        }
        if (address instanceof Inet6Address) {
            return checkV6(a);
        }
        return new Verdict("unknown address family");
    }

    private static Verdict checkV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        int b3 = a[3] & 0xff;
        String ip = b0 + "." + b1 + "." + b2 + "." + b3;
        if (b0 == 169 && b1 == 254 && b2 == 169 && b3 == 254 || b0 == 100 && b1 == 100 && b2 == 100 && b3 == 200) {
            return refuse(ip, "cloud metadata");
        }
        if (b0 == 0) {
            return refuse(ip, "unspecified, 0.0.0.0/8");
        }
        if (b0 == 127) {
            return refuse(ip, "loopback, 127.0.0.0/8");
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return refuse(ip, "private");
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return refuse(ip, "carrier-grade NAT, 100.64.0.0/10");
        }
        if (b0 == 169 && b1 == 254) {
            return refuse(ip, "link-local, 169.254.0.0/16");
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return refuse(ip, "IETF protocol assignments, 192.0.0.0/24");
        }
        if (b0 == 192 && b1 == 0 && b2 == 2 || b0 == 198 && b1 == 51 && b2 == 100 || b0 == 203 && b1 == 0 && b2 == 113) {
            return refuse(ip, "documentation");
        }
        if (b0 == 192 && b1 == 88 && b2 == 99) {
            return refuse(ip, "6to4 relay anycast, 192.88.99.0/24");
        }
        if (b0 == 198 && (b1 & 0xfe) == 18) {
            return refuse(ip, "benchmarking, 198.18.0.0/15");
        }
        if ((b0 & 0xf0) == 224) {
            return refuse(ip, "multicast, 224.0.0.0/4");
        }
        if ((b0 & 0xf0) == 240) {
            return refuse(ip, "reserved or broadcast, 240.0.0.0/4");
        }
        return Verdict.PUBLIC;
    }

    private static Verdict checkV6(byte[] a) {
        String ip = v6Text(a);
        if (zeros(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(ip, "IPv4-mapped", a, 12, false);
        }
        if (zeros(a, 0, 12)) {
            if (zeros(a, 12, 16)) {
                return refuse(ip, "unspecified, ::");
            }
            if (zeros(a, 12, 15) && a[15] == 1) {
                return refuse(ip, "loopback, ::1");
            }
            return embedded(ip, "IPv4-compatible", a, 12, false);
        }
        int w0 = word(a, 0);
        int w1 = word(a, 2);
        if (w0 == 0x0064 && w1 == 0xff9b && zeros(a, 4, 12)) {
            return embedded(ip, "NAT64, 64:ff9b::/96", a, 12, false);
        }
        if (w0 == 0x0064 && w1 == 0xff9b && word(a, 4) == 1) {
            return refuse(ip, "local-use NAT64, 64:ff9b:1::/48");
        }
        if (w0 == 0x2002) {
            return embedded(ip, "6to4, 2002::/16", a, 2, false);
        }
        if (w0 == 0x2001 && w1 == 0) {
            Verdict server = embedded(ip, "Teredo server, 2001::/32", a, 4, false);
            return server.allowed() ? embedded(ip, "Teredo client, 2001::/32", a, 12, true) : server;
        }
        if (w0 == 0x2001 && w1 == 0x0db8 || w0 == 0x3fff && (w1 & 0xf000) == 0) {
            return refuse(ip, "documentation");
        }
        if (w0 == 0x2001 && w1 < 0x0200) {
            return refuse(ip, "IETF protocol assignments and benchmarking, 2001::/23");
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return refuse(ip, "unique local, fc00::/7" + (w0 == 0xfd00 && w1 == 0x0ec2 ? " (cloud metadata)" : ""));
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return refuse(ip, "link-local, fe80::/10");
        }
        if ((w0 & 0xffc0) == 0xfec0) {
            return refuse(ip, "site-local, fec0::/10");
        }
        if ((w0 & 0xff00) == 0xff00) {
            return refuse(ip, "multicast, ff00::/8");
        }
        if ((w0 & 0xe000) != 0x2000) {
            return refuse(ip, "not global unicast (outside 2000::/3)");
        }
        return Verdict.PUBLIC;
    }

    private static Verdict embedded(String ip, String kind, byte[] a, int from, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~a[from + i] : a[from + i]);
        }
        Verdict inner = checkV4(v4);
        return inner.allowed() ? inner : new Verdict(kind + " " + ip + " carries " + inner.refusal());
    }

    private static Verdict refuse(String ip, String why) {
        return new Verdict(ip + " is " + why);
    }

    private static boolean zeros(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int word(byte[] a, int at) {
        return (a[at] & 0xff) << 8 | a[at + 1] & 0xff;
    }

    private static String v6Text(byte[] a) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString(word(a, i)));
        }
        return s.toString();
    }

    /** A value or the reason there is none. */
    record Result<T>(T value, String refusal) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> refused(String why) {
            return new Result<>(null, why);
        }

        boolean allowed() {
            return refusal == null;
        }
    }
}
