package io.bilateral.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a hostname into addresses. Injected so tests can make a name resolve to private addresses without DNS. */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
