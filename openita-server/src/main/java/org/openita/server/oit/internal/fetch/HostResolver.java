package org.openita.server.oit.internal.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a host name up (the system's resolver unless a bean of this type is declared; tests declare one that answers
 * differently each time, to show that the address checked is the address connected to).
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
