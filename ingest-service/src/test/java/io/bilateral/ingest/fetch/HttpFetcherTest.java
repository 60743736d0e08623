package io.bilateral.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.ingest.LocalWebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fetcher against a local server; only 127.0.0.1 is ever connected to, and only when allow-listed. */
class HttpFetcherTest {

    private static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(10), 10_000, 5, "test");
    /** Names tests use: resolved here, never by DNS. */
    private static final HostResolver RESOLVER = host -> switch (host) {
        case "loopback.test" -> List.of(InetAddress.getByName("127.0.0.1"));
        case "private.test" -> List.of(InetAddress.getByName("10.0.0.5"));
        case "metadata.test" -> List.of(InetAddress.getByName("169.254.169.254"));
        case "v6.test" -> List.of(InetAddress.getByName("::1"));
        case "ula.test" -> List.of(InetAddress.getByName("fd12::1"));
        case "mixed.test" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));
        default -> throw new UnknownHostException(host);
    };

    private final LocalWebServer web = new LocalWebServer();
    private final HttpFetcher allowLoopback =
            new HttpFetcher(LIMITS, AddressPolicy.allowing(List.of("127.0.0.1")), RESOLVER, System::nanoTime);
    private final HttpFetcher publicOnly =
            new HttpFetcher(LIMITS, AddressPolicy.publicOnly(), RESOLVER, System::nanoTime);

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void shouldFetchAnAllowListedPage() throws Exception {
        web.serve("/page", "text/html", "<p>hello</p>");
        FetchResult result = allowLoopback.get(web.uri("/page"), Map.of());
        assertEquals(200, result.status());
        assertEquals("<p>hello</p>", new String(result.body(), StandardCharsets.UTF_8));
        assertEquals("text/html", result.header("content-type").orElseThrow());
    }

    @Test
    void shouldSendConditionalHeadersAndReport304() throws Exception {
        web.route("/feed", exchange -> LocalWebServer.send(exchange, 304, new byte[0]));
        FetchResult result = allowLoopback.get(web.uri("/feed"), Map.of("If-None-Match", "\"v1\""));
        assertThat(result.notModified()).isTrue();
        assertEquals("\"v1\"", web.requests("/feed").get(0).header("If-none-match"));
    }

    @Test
    void shouldNotSendAHeaderValueWithLineBreaks() throws Exception {
        web.serve("/feed", "text/xml", "x");
        allowLoopback.get(web.uri("/feed"), Map.of("If-None-Match", "\"v1\"\r\nX-Injected: yes"));
        assertEquals(null, web.requests("/feed").get(0).header("X-injected"));
        assertEquals(null, web.requests("/feed").get(0).header("If-none-match"));
    }

    @Test
    void shouldDecompressGzip() throws Exception {
        byte[] text = "<rss/>".repeat(100).getBytes(StandardCharsets.UTF_8);
        web.route("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalWebServer.send(exchange, 200, LocalWebServer.gzip(text));
        });
        assertArrayEquals(text, allowLoopback.get(web.uri("/gz"), Map.of()).body());
    }

    @Test
    void shouldFollowRedirectsCheckingEachHop() throws Exception {
        web.redirect("/a", 301, "/b")
                .redirect("/b", 302, web.uri("/c").toString())
                .serve("/c", "text/plain", "end");
        FetchResult result = allowLoopback.get(web.uri("/a"), Map.of());
        assertEquals(web.uri("/c"), result.uri());
        assertEquals("end", new String(result.body(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldGiveUpAfterFiveRedirects() {
        web.redirect("/loop", 302, "/loop");
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/loop"), Map.of()));
        assertEquals("fetching " + web.uri("/loop") + ": more than 5 redirects", e.getMessage());
        assertEquals(6, web.requests("/loop").size());
    }

    /** The hostile cases: one line each. {@code PORT} is the local server's port. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            loopback literal          | http://127.0.0.1:PORT/x       | refused http://127.0.0.1:PORT/x: 127.0.0.1 is a loopback address (not on the allow-list)
            private literal           | http://10.1.2.3/x             | refused http://10.1.2.3/x: 10.1.2.3 is a private address (not on the allow-list)
            link-local literal        | http://169.254.169.254/latest | refused http://169.254.169.254/latest: 169.254.169.254 is a link-local address (not on the allow-list)
            IPv6 loopback             | http://[::1]:PORT/x           | refused http://[::1]:PORT/x: 0:0:0:0:0:0:0:1 is a loopback address (not on the allow-list)
            IPv6 unique-local         | http://[fc00::1]/x            | refused http://[fc00::1]/x: fc00:0:0:0:0:0:0:1 is a unique-local address (not on the allow-list)
            name resolving to loopback | http://loopback.test:PORT/x  | refused http://loopback.test:PORT/x: loopback.test resolves to 127.0.0.1 is a loopback address (not on the allow-list)
            name resolving to private | http://private.test/x          | refused http://private.test/x: private.test resolves to 10.0.0.5 is a private address (not on the allow-list)
            name resolving to metadata | http://metadata.test/x        | refused http://metadata.test/x: metadata.test resolves to 169.254.169.254 is a link-local address (not on the allow-list)
            name resolving to ::1     | http://v6.test/x               | refused http://v6.test/x: v6.test resolves to 0:0:0:0:0:0:0:1 is a loopback address (not on the allow-list)
            name resolving to fd12::1 | http://ula.test/x              | refused http://ula.test/x: ula.test resolves to fd12:0:0:0:0:0:0:1 is a unique-local address (not on the allow-list)
            one of two addresses private | http://mixed.test/x         | refused http://mixed.test/x: mixed.test resolves to 10.0.0.5 is a private address (not on the allow-list)
            not http                  | file:///etc/passwd             | refused file:///etc/passwd: only http and https URLs are fetched
            unknown host              | http://nowhere.test/x          | fetching http://nowhere.test/x: unknown host nowhere.test
            """)
    void shouldRefuseAddressesOffThePublicInternet(String name, String url, String message) {
        String port = String.valueOf(web.port());
        web.serve("/x", "text/plain", "secret");
        FetchException e = assertThrows(
                FetchException.class, () -> publicOnly.get(URI.create(url.replace("PORT", port)), Map.of()));
        assertEquals(message.replace("PORT", port), e.getMessage());
        assertThat(web.requests()).isEmpty();
    }

    @ParameterizedTest(name = "redirect to {0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://10.0.0.7/admin          | 10.0.0.7 is a private address
            http://169.254.169.254/latest  | 169.254.169.254 is a link-local address
            http://[::1]/                  | 0:0:0:0:0:0:0:1 is a loopback address
            http://private.test/           | private.test resolves to 10.0.0.5 is a private address
            """)
    void shouldRefuseRedirectsToNonPublicAddresses(String target, String reason) {
        web.redirect("/hop", 302, target);
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/hop"), Map.of()));
        assertEquals("refused " + target + ": " + reason + " (not on the allow-list)", e.getMessage());
    }

    @Test
    void shouldStopAGzipBombAtTheLimit() {
        byte[] bomb = LocalWebServer.gzip(new byte[5_000_000]); // about 5 KB on the wire
        web.route("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalWebServer.send(exchange, 200, bomb);
        });
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/bomb"), Map.of()));
        assertEquals(
                "fetching " + web.uri("/bomb") + ": decompressed body exceeds the limit of 10000 bytes",
                e.getMessage());
    }

    @Test
    void shouldRefuseADeclaredLengthOverTheLimit() {
        web.serve("/big", "text/plain", new byte[20_000]);
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/big"), Map.of()));
        assertEquals(
                "fetching " + web.uri("/big") + ": Content-Length 20000 exceeds the limit of 10000 bytes",
                e.getMessage());
    }

    @Test
    void shouldStopAnEndlessBodyAtTheLimit() {
        web.endless("/endless");
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/endless"), Map.of()));
        assertEquals(
                "fetching " + web.uri("/endless") + ": response body exceeds the limit of 10000 bytes", e.getMessage());
    }

    @Test
    void shouldGiveUpOnASilentServerAfterTheReadTimeout() {
        web.stall("/stall");
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/stall"), Map.of()));
        assertEquals("fetching " + web.uri("/stall") + ": no data for 300 ms (read timeout)", e.getMessage());
    }

    @Test
    void shouldEnforceTheTotalDeadlineOnATricklingServer() {
        // Each read "takes" a second on this clock: the endless body hits the 10 s deadline long before 10 KB.
        AtomicLong clock = new AtomicLong();
        HttpFetcher fetcher = new HttpFetcher(
                new FetchLimits(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 1_000_000_000, 5, "test"),
                AddressPolicy.allowing(List.of("127.0.0.1")),
                RESOLVER,
                () -> clock.getAndAdd(Duration.ofSeconds(1).toNanos()));
        web.endless("/trickle");
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(web.uri("/trickle"), Map.of()));
        assertEquals("fetching " + web.uri("/trickle") + ": took longer than the deadline of 10000 ms", e.getMessage());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"404", "500", "403"})
    void shouldReportErrorStatuses(int status) {
        web.route("/err", exchange -> LocalWebServer.send(exchange, status, new byte[0]));
        FetchException e = assertThrows(FetchException.class, () -> allowLoopback.get(web.uri("/err"), Map.of()));
        assertEquals("fetching " + web.uri("/err") + ": HTTP " + status, e.getMessage());
    }
}
