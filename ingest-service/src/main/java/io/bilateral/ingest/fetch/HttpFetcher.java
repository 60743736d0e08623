package io.bilateral.ingest.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a URL from an untrusted source (a feed, a link in one) with every defence in one place: the host is resolved
 * first, <em>every</em> address is checked against the {@link AddressPolicy}, and the socket connects to a checked
 * address — so DNS cannot answer differently between check and use (rebinding). Redirects are followed by hand, each
 * hop checked the same way. Connect and read timeouts plus a total deadline bound the time, and the body is counted
 * before and after decompression. A small HTTP/1.1 client on a plain socket, because the JDK's clients resolve the
 * host themselves and cannot be pointed at an address checked beforehand. Thread-safe; one connection per request.
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final int MAX_HEADERS = 100;

    private final FetchLimits limits;
    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final LongSupplier nanoTime;

    public HttpFetcher(FetchLimits limits, AddressPolicy policy, HostResolver resolver, LongSupplier nanoTime) {
        this.limits = limits;
        this.policy = policy;
        this.resolver = resolver;
        this.nanoTime = nanoTime;
    }

    /** A fetcher on the system resolver and clock. */
    public static HttpFetcher create(FetchLimits limits, AddressPolicy policy) {
        return new HttpFetcher(limits, policy, HostResolver.SYSTEM, System::nanoTime);
    }

    /**
     * GETs {@code uri}, sending {@code headers} too (e.g. {@code If-None-Match}). Returns a 200 with its body or a 304;
     * any other outcome is a {@link FetchException} saying what went wrong where.
     */
    public FetchResult get(URI uri, Map<String, String> headers) throws FetchException {
        long deadline = nanoTime.getAsLong() + limits.deadline().toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Response response = exchange(uri, current, headers, deadline);
            if (isRedirect(response.status)) {
                if (hop >= limits.maxRedirects()) {
                    throw new FetchException("fetching " + uri + ": more than " + limits.maxRedirects() + " redirects");
                }
                current = redirectTarget(current, response);
                continue;
            }
            if (response.status == 200 || response.status == 304) {
                return new FetchResult(current, response.status, response.headers, response.body);
            }
            throw new FetchException("fetching " + current + ": HTTP " + response.status);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI from, Response response) throws FetchException {
        String location = response.headers.get("location");
        if (location == null || location.isBlank()) {
            throw new FetchException("fetching " + from + ": HTTP " + response.status + " without a Location header");
        }
        try {
            return from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FetchException("fetching " + from + ": redirect to an invalid URL '" + location + "'", e);
        }
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {}

    private Response exchange(URI original, URI uri, Map<String, String> headers, long deadline) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused " + uri + ": only http and https URLs are fetched");
        }
        if (uri.getHost() == null) {
            throw new FetchException("refused " + uri + ": the URL has no host");
        }
        String host = bare(uri.getHost());
        if (IpLiterals.isNonStandardIpv4(host)) {
            throw new FetchException("refused " + uri + ": '" + host + "' is an IPv4 address in a non-standard spelling"
                    + " (hex, octal or fewer than four parts); write it as four decimal numbers");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        List<InetAddress> addresses = checkedAddresses(uri, host);
        try (Socket socket = connect(uri, addresses, port, deadline)) {
            Socket channel = scheme.equals("https") ? tls(socket, host, port, deadline) : socket;
            InputStream in = new BufferedInputStream(
                    new DeadlineInputStream(channel, limits.readTimeout().toMillis(), deadline, nanoTime));
            writeRequest(channel.getOutputStream(), uri, host, port, scheme, headers);
            return readResponse(uri, in);
        } catch (DeadlineInputStream.DeadlineExceededException e) {
            throw new FetchException(
                    "fetching " + original + ": took longer than the deadline of "
                            + limits.deadline().toMillis() + " ms",
                    e);
        } catch (SocketTimeoutException e) {
            throw new FetchException(
                    "fetching " + uri + ": no data for " + limits.readTimeout().toMillis() + " ms (read timeout)", e);
        } catch (LimitedInputStream.TooLargeException e) {
            throw new FetchException("fetching " + uri + ": " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new FetchException(
                    "fetching " + uri + ": the compressed body is corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new FetchException("fetching " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Every address of {@code host}, each one allowed by the policy; refuses the URL when any one is not. */
    private List<InetAddress> checkedAddresses(URI uri, String host) throws FetchException {
        List<InetAddress> addresses;
        try {
            addresses = IpLiterals.isLiteral(host) ? List.of(InetAddress.getByName(host)) : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException("fetching " + uri + ": unknown host " + host, e);
        }
        if (addresses.isEmpty()) {
            throw new FetchException("fetching " + uri + ": unknown host " + host);
        }
        // All, not just the first: a name resolving to one public and one private address must not get through.
        for (InetAddress address : addresses) {
            var refusal = policy.refusal(host, address);
            if (refusal.isPresent()) {
                throw new FetchException(
                        "refused " + uri + ": " + (IpLiterals.isLiteral(host) ? "" : host + " resolves to ")
                                + refusal.get() + " (not on the allow-list)");
            }
        }
        return addresses;
    }

    private Socket connect(URI uri, List<InetAddress> addresses, int port, long deadline) throws FetchException {
        List<String> failures = new ArrayList<>();
        for (InetAddress address : addresses) {
            long leftMillis = (deadline - nanoTime.getAsLong()) / 1_000_000;
            if (leftMillis <= 0) {
                break;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int)
                        Math.max(1, Math.min(limits.connectTimeout().toMillis(), leftMillis)));
                return socket;
            } catch (IOException e) {
                failures.add(address.getHostAddress() + ": " + e.getMessage());
                closeQuietly(socket);
            }
        }
        throw new FetchException("fetching " + uri + ": cannot connect to port " + port + " (" + failures + ")");
    }

    private Socket tls(Socket socket, String host, int port, long deadline) throws IOException {
        SSLSocket ssl =
                (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        if (!IpLiterals.isLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        long leftMillis = Math.max(1, (deadline - nanoTime.getAsLong()) / 1_000_000);
        ssl.setSoTimeout((int) Math.min(limits.readTimeout().toMillis(), leftMillis));
        ssl.startHandshake();
        return ssl;
    }

    private void writeRequest(
            OutputStream out, URI uri, String host, int port, String scheme, Map<String, String> headers)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(hostHeader)
                .append("\r\n")
                .append("User-Agent: ")
                .append(limits.userAgent())
                .append("\r\n")
                .append("Accept: */*\r\n")
                .append("Accept-Encoding: gzip, deflate\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> {
            // Values such as an ETag come from an earlier response: never let one smuggle in a header line.
            if (value.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
                request.append(name).append(": ").append(value).append("\r\n");
            } else {
                log.debug("Not sending header {} with control characters", name);
            }
        });
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private Response readResponse(URI uri, InputStream in) throws IOException, FetchException {
        String statusLine = HttpLines.read(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new FetchException("fetching " + uri + ": not an HTTP/1.x response ('"
                    + statusLine.substring(0, Math.min(80, statusLine.length())) + "')");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = readHeaders(uri, in);
        if (status != 200) {
            return new Response(status, headers, new byte[0]);
        }
        return new Response(status, headers, readBody(uri, headers, in));
    }

    private static Map<String, String> readHeaders(URI uri, InputStream in) throws IOException, FetchException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = HttpLines.read(in);
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new FetchException("fetching " + uri + ": more than " + MAX_HEADERS + " response headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
    }

    private byte[] readBody(URI uri, Map<String, String> headers, InputStream in) throws IOException, FetchException {
        int max = limits.maxBytes();
        InputStream raw;
        String transferEncoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        String length = headers.get("content-length");
        if (transferEncoding.contains("chunked")) {
            raw = new ChunkedInputStream(in);
        } else if (length != null) {
            long declared = parseLength(uri, length);
            if (declared > max) {
                throw new FetchException(
                        "fetching " + uri + ": Content-Length " + declared + " exceeds the limit of " + max + " bytes");
            }
            raw = new ExactLengthInputStream(in, declared);
        } else {
            raw = in; // HTTP/1.0 style: the body ends when the server closes (we sent Connection: close)
        }
        InputStream counted = new LimitedInputStream(raw, max, "response body");
        String encoding =
                headers.getOrDefault("content-encoding", "identity").strip().toLowerCase(Locale.ROOT);
        InputStream decoded = switch (encoding) {
            case "identity", "" -> counted;
            case "gzip", "x-gzip" -> new GZIPInputStream(counted);
            case "deflate" -> new InflaterInputStream(counted);
            default -> throw new FetchException("fetching " + uri + ": unsupported Content-Encoding " + encoding);
        };
        // Counted again after decompression: a few KB of gzip can inflate to gigabytes.
        try (InputStream body = new LimitedInputStream(decoded, max, "decompressed body")) {
            return body.readAllBytes();
        }
    }

    private static long parseLength(URI uri, String value) throws FetchException {
        try {
            long length = Long.parseLong(value.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new FetchException("fetching " + uri + ": invalid Content-Length '" + value + "'");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing a failed socket: {}", e.toString());
        }
    }
}
