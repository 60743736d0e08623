package io.bilateral.ingest.fetch;

import java.util.regex.Pattern;

/** Recognises IP literals without resolving anything: {@code InetAddress.getByName} would look up a hostname. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

    /** What inet_aton and browsers read as IPv4: one to four parts, each decimal, octal (0-led) or hex (0x). */
    private static final Pattern NUMERIC = Pattern.compile("(?i)(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?");

    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");

    private IpLiterals() {}

    /**
     * Whether {@code host} is an IPv4 address in a spelling other than four plain decimal parts — {@code 0x7f.1},
     * {@code 2130706433}, {@code 0177.0.0.1}. Resolvers disagree on what these mean (octal or decimal?), and they are
     * the classic way past address filters, so they are refused rather than interpreted.
     */
    static boolean isNonStandardIpv4(String host) {
        return NUMERIC.matcher(host).matches() && !CANONICAL_IPV4.matcher(host).matches();
    }

    static boolean isLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches();
    }
}
