package io.bilateral.ingest.fetch;

import java.util.regex.Pattern;

/** Recognises IP literals without resolving anything: {@code InetAddress.getByName} would look up a hostname. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

    private IpLiterals() {}

    static boolean isLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches();
    }
}
