package io.bilateral.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses the service may connect to on behalf of a feed or a link in it. Everything that is not a public
 * unicast address is refused — loopback, private (RFC 1918), link-local (which holds cloud metadata endpoints),
 * unique-local IPv6, carrier-grade NAT, unspecified and multicast — so a hostile feed cannot make the service probe
 * its own network (SSRF). An allow-list of hostnames and networks lifts the refusal for sources that really are
 * internal. Immutable and thread-safe.
 */
public final class AddressPolicy {

    private static final Cidr CARRIER_GRADE_NAT = Cidr.parse("100.64.0.0/10");
    private static final Cidr THIS_NETWORK = Cidr.parse("0.0.0.0/8");
    private static final Cidr UNIQUE_LOCAL = Cidr.parse("fc00::/7");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");

    private final Set<String> allowedHosts;
    private final List<Cidr> allowedNetworks;

    private AddressPolicy(Set<String> allowedHosts, List<Cidr> allowedNetworks) {
        this.allowedHosts = allowedHosts;
        this.allowedNetworks = allowedNetworks;
    }

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(Set.of(), List.of());
    }

    /**
     * Public addresses plus {@code allowed}: each entry an IP address, a CIDR network or a hostname (matched exactly,
     * case-insensitively, against the URL's host, whatever it resolves to).
     *
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public static AddressPolicy allowing(List<String> allowed) {
        List<String> hosts = new ArrayList<>();
        List<Cidr> networks = new ArrayList<>();
        for (String entry : allowed) {
            String trimmed = entry == null ? "" : entry.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("an allow-list entry is empty");
            }
            if (trimmed.contains("/") || IpLiterals.isLiteral(trimmed)) {
                networks.add(Cidr.parse(trimmed));
            } else if (trimmed.matches("[A-Za-z0-9.-]+")) {
                hosts.add(trimmed.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException(
                        "allow-list entry '" + trimmed + "' is neither a hostname, an IP address nor a CIDR network");
            }
        }
        return new AddressPolicy(Set.copyOf(hosts), List.copyOf(networks));
    }

    /** Why connecting to {@code address} (which {@code host} resolved to) is refused, or empty when it is allowed. */
    public Optional<String> refusal(String host, InetAddress address) {
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))
                || allowedNetworks.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        return kind(address)
                .map(kind -> address.getHostAddress() + " is " + (kind.startsWith("unspecified") ? "an " : "a ") + kind
                        + " address");
    }

    /** The kind of non-public address {@code address} is, or empty for a public unicast address. */
    static Optional<String> kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress() || THIS_NETWORK.contains(address)) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (UNIQUE_LOCAL.contains(address)) {
            return Optional.of("unique-local");
        }
        if (CARRIER_GRADE_NAT.contains(address)) {
            return Optional.of("carrier-grade NAT");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet6Address && (NAT64.contains(address) || IPV4_COMPATIBLE.contains(address))) {
            // An IPv6 address with an IPv4 address in its low 32 bits reaches that IPv4 address: judge that one.
            return kind(embeddedIpv4(address)).map(kind -> kind + " (IPv4-embedding IPv6)");
        }
        return Optional.empty();
    }

    private static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            // getByAddress only fails for a wrong array length, and this one has four bytes.
            throw new IllegalStateException(e);
        }
    }
}
