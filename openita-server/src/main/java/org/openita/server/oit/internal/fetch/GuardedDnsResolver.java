package org.openita.server.oit.internal.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The one place where HttpClient learns where to connect: every address of the answer is checked, and the client
 * connects only to addresses of that same checked answer, so a name whose DNS answer changes between a check and the
 * connection (rebinding) cannot reach a private address. Literal addresses are parsed here, never looked up. A host the
 * test allow-list trusts (marked for the current thread by {@link SafeFetcher}) skips the check.
 */
final class GuardedDnsResolver implements DnsResolver {

    private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final HostResolver resolver;

    GuardedDnsResolver(HostResolver resolver) {
        this.resolver = resolver;
    }

    static void trustCurrentHop(boolean trusted) {
        if (trusted) {
            TRUSTED.set(Boolean.TRUE);
        } else {
            TRUSTED.remove();
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (TRUSTED.get()) {
            return InetAddress.getAllByName(name);
        }
        AddressGuard.Result<String> checked = AddressGuard.checkHost(host.indexOf(':') >= 0 && !host.startsWith("[")
                ? "[" + host + "]" : host);
        if (!checked.allowed()) {
            throw new UnsafeAddressException(checked.refusal());
        }
        Optional<InetAddress> literal = AddressGuard.literal(checked.value());
        InetAddress[] answer = literal.isPresent() ? new InetAddress[] {literal.get()} : resolver.resolve(checked.value());
        if (answer == null || answer.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : answer) {
            AddressGuard.Verdict verdict = AddressGuard.checkAddress(address);
            if (!verdict.allowed()) {
                throw new UnsafeAddressException(checked.value() + " resolves to " + verdict.refusal());
            }
        }
        return answer.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
