package org.openita.server.oit.internal.fetch;

import java.net.UnknownHostException;

/** Thrown by {@link GuardedDnsResolver} in place of an answer that holds an address no link may reach. */
final class UnsafeAddressException extends UnknownHostException {

    UnsafeAddressException(String refusal) {
        super(refusal);
    }
}
