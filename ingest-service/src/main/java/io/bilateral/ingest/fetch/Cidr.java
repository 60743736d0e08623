package io.bilateral.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is its own /32 or /128. */
public record Cidr(byte[] network, int prefixLength) {

    /**
     * Parses {@code text}; only IP literals are accepted, so parsing never triggers a DNS lookup.
     *
     * @throws IllegalArgumentException naming the text when it is not an address or network
     */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!IpLiterals.isLiteral(address)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network", e);
        }
        int maxPrefix = bytes.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length", e);
            }
            if (prefix < 0 || prefix > maxPrefix) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + maxPrefix);
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** True when {@code address} lies in this network; IPv4 never matches an IPv6 network or the reverse. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
