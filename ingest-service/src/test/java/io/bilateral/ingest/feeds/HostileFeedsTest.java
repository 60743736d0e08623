package io.bilateral.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.bilateral.ingest.LocalWebServer;
import io.bilateral.ingest.article.ArticleLimits;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.fetch.AddressPolicy;
import io.bilateral.ingest.fetch.FetchLimits;
import io.bilateral.ingest.fetch.HostResolver;
import io.bilateral.ingest.fetch.HttpFetcher;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.RecentIds;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.schemas.RawArticle;
import io.bilateral.text.TextHygiene;
import io.bilateral.topics.Topic;
import io.bilateral.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds that attack, served on 127.0.0.1 and polled by the real fetcher, parser, intake and cursor (the broker is
 * Kafka's MockProducer): one case per line. The allow-list names the host {@code localhost} only, so every other way
 * of spelling the loopback address must be refused. Every case is bounded by short fetch limits and a timeout, and
 * every case checks that its poll wrote no forged log line and published nothing but clean text.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileFeedsTest {

    private static final FetchLimits LIMITS = new FetchLimits(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 5 * 1024 * 1024, 5, "hostile-test");
    private static final String LONG_ID = "x".repeat(999_000);
    private static final String FORGED = "2099-01-01 00:00:00 ERROR io.bilateral.FAKE - forged";

    @TempDir
    Path state;

    private final LocalWebServer web = new LocalWebServer();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Broker broker = new Broker();
    private final IngestMetrics metrics = new IngestMetrics();
    private Instant now = Instant.parse("2024-05-01T10:00:00Z");

    @AfterEach
    void stop() throws Exception {
        web.close();
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- the cases

    /**
     * One case per line: what is served ({@code serve}, with {@code argument}) and what the poll must come to —
     * {@code refused} with a problem containing {@code expected} (or one of its "A OR B" alternatives), or {@code items} with {@code expected} =
     * {@code published/rejected}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            XXE                                   | feed        | <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss> | refused | feed refused: it declares a DTD
            billion laughs                        | feed        | <?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title></item></channel></rss> | refused | feed refused: it declares a DTD
            external DTD                          | feed        | <?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd"><rss/> | refused | feed refused: it declares a DTD
            not XML                               | feed        | {"items": []}                      | refused | malformed feed XML at line 1
            an HTML page                          | feed        | <html><body>login</body></html>    | refused | not an RSS or Atom feed
            gzip bomb                             | gzipBomb    |                                    | refused | decompressed body exceeds the limit
            endless body                          | endless     |                                    | refused | took longer than the deadline OR body exceeds the limit
            slow-loris                            | stall       |                                    | refused | (read timeout)
            redirect loop                         | loop        |                                    | refused | more than 5 redirects
            redirect to link-local                | redirect    | http://169.254.169.254/latest/meta-data | refused | 169.254.169.254 is a link-local address
            redirect to private                   | redirect    | http://10.0.0.1/                   | refused | 10.0.0.1 is a private address
            loopback not on the allow-list        | host        | 127.0.0.1                          | refused | 127.0.0.1 is a loopback address
            IPv6 loopback                         | host        | [::1]                              | refused | is a loopback address
            IPv6 unique-local                     | host        | [fd00::1]                          | refused | is a unique-local address
            IPv6 link-local                       | host        | [fe80::1]                          | refused | is a link-local address
            IPv4-mapped IPv6 loopback             | host        | [::ffff:127.0.0.1]                 | refused | 127.0.0.1 is a loopback address
            hex IPv4 (java.net.URI sees no host)  | host        | 0x7f.1                             | refused | the URL has no host
            decimal IPv4                          | host        | 2130706433                         | refused | is an IPv4 address in a non-standard spelling
            octal IPv4                            | host        | 0177.0.0.1                         | refused | is an IPv4 address in a non-standard spelling
            name resolving to a private address   | host        | intranet.example                   | refused | intranet.example resolves to 10.1.2.3 is a private address
            name resolving to public and loopback | host        | mixed.example                      | refused | mixed.example resolves to 127.0.0.1 is a loopback address
            HTTPS, self-signed certificate        | selfSigned  |                                    | refused | PKIX path building failed
            silent server (read timeout)          | silent      |                                    | refused | (read timeout)
            silent server (connect timeout)       | unaccepting |                                    | refused | connect timed out
            one 3 MB description among good items | bigItem     |                                    | items   | 2/1
            one item with an undeclared entity    | feed        | <rss><channel><item><guid>a</guid><title>A</title><description>a</description></item><item><guid>b</guid><title>&nbsp;B</title></item><item><guid>c</guid><title>C</title><description>c</description></item></channel></rss> | items | 2/1
            one item with a tag left open         | feed        | <rss><channel><item><guid>a</guid><title>A</title><description>a</description></item><item><guid>b</guid><title>B</titel></item><item><guid>c</guid><title>C</title><description>c</description></item></channel></rss> | items | 2/1
            control characters as references      | feed        | <?xml version="1.1"?><rss><channel><item><guid>a</guid><title>&#x1;Iran&#x1B;[31m &#x7;and&#x7F; Turkey&#x9B;&#x85;&#xFEFF;&#x202E;</title><description>Talks&#x8;&#x202D; in Ankara.</description></item></channel></rss> | items | 1/0
            newline in an id and a date           | forgery     |                                    | items   | 0/1
            megabyte id and link                  | hugeIds     |                                    | items   | 0/1
            """)
    void shouldHoldAgainst(String name, String serve, String argument, String outcome, String expected) {
        URI url = serve(serve, argument);
        String[] logged = {""};
        PollResult result = captureLog(
                logged, () -> poller().poll(new FeedSource("hostile", url, null, Duration.ofMinutes(1), false)));

        if (outcome.equals("refused")) {
            assertEquals(PollResult.Status.FAILED, result.status(), String.valueOf(result));
            // "A OR B": either stop is right (an endless body meets the deadline or the size limit first, by speed)
            assertThat(result.problem().toLowerCase(Locale.ROOT))
                    .containsAnyOf(expected.toLowerCase(Locale.ROOT).split(" or "));
            assertThat(broker.sent()).isEmpty();
        } else {
            String[] counts = expected.split("/");
            assertEquals(Integer.parseInt(counts[0]), result.published(), String.valueOf(result));
            assertEquals(Integer.parseInt(counts[1]), result.rejected(), String.valueOf(result));
        }
        assertNoForgedLine(logged[0]);
        for (RawArticle article : broker.sent()) {
            assertTrue(TextHygiene.isClean(article.getTitle()), article.getTitle());
            assertTrue(TextHygiene.isClean(article.getBody()), article.getBody());
        }
    }

    /** Sets up what a case serves and returns the URL to poll. */
    private URI serve(String kind, String argument) {
        return switch (kind) {
            case "feed" -> feed(argument);
            case "gzipBomb" -> gzipBomb();
            case "endless" -> at("/endless", web::endless);
            case "stall" -> at("/stall", web::stall);
            case "loop" -> at("/loop", path -> web.redirect(path, 302, path));
            case "redirect" -> at("/redirect", path -> web.redirect(path, 302, argument));
            case "host" -> spelled(argument);
            case "selfSigned" -> selfSigned();
            case "silent" -> silentAfterConnect();
            case "unaccepting" -> notAccepting();
            case "bigItem" -> feed(rss(item("a", "A"), item("big", "B", "x".repeat(3_000_000)), item("c", "C")));
            case "forgery" ->
                feed(rss("<item><guid>id\n" + FORGED + "</guid><title>t</title><description>b"
                        + "</description><pubDate>someday\r\n" + FORGED + "</pubDate></item>"));
            case "hugeIds" ->
                feed(rss("<item><guid>" + "i".repeat(1_000_000) + "</guid><link>https://e.com/" + "l".repeat(1_000_000)
                        + "</link><title>t</title><description>b</description></item>"));
            default -> throw new IllegalArgumentException("no such case kind " + kind);
        };
    }

    // ---------------------------------------------------------------------------------------------- whole-run cases

    @Test
    void shouldWriteTheLogForgingPayloadOnOneEscapedLine() {
        URI url = feed(rss("<item><guid>id\n" + FORGED + "</guid><title>t</title><description>b</description>"
                + "<pubDate>someday\r\n" + FORGED + "</pubDate></item>"));
        String[] logged = {""};
        captureLog(logged, () -> poller().poll(new FeedSource("forge", url, null, Duration.ofMinutes(1), false)));

        assertThat(logged[0])
                .contains("io.bilateral.FAKE"); // the payload was logged, so the check below means something
        assertNoForgedLine(logged[0]);
        assertThat(logged[0]).contains("id\\n2099-01-01").contains("someday\\n2099-01-01"); // XML reads CRLF as LF
    }

    @Test
    void shouldShowTheCleanedTextOfAControlCharacterFeedOnTheTopic() {
        URI url = feed("<?xml version=\"1.1\"?>"
                + rss(item(
                        "a",
                        "&#x1;Iran&#x1B;[31m and&#x7F; Turkey&#x202E;",
                        "Talks&#x85; in&#xFEFF; Ankara&#x200C;.")));
        PollResult result = poller().poll(new FeedSource("ctl", url, null, Duration.ofMinutes(1), false));

        assertEquals(1, result.published(), String.valueOf(result));
        assertEquals("Iran[31m and Turkey", broker.sent().get(0).getTitle());
        assertEquals("Talks in Ankara\u200C.", broker.sent().get(0).getBody()); // the ZWNJ stays
        assertThat(metrics.textCharsRemoved()).containsKey("title").containsEntry("body", 2L);
    }

    @Test
    void shouldCleanTheTextOfALinkedPage() {
        web.serve(
                "/page",
                "text/html; charset=utf-8",
                "<html><head><title>P</title></head><body><article><p>Iran\u0001 and"
                        + " \u001B[31mTurkey\u009B signed\u202E a deal in Ankara.</p></article></body></html>");
        URI url = feed(rss("<item><guid>p</guid><title>Page</title><link>" + local("/page") + "</link>"
                + "<description>feed text</description></item>"));
        PollResult result = poller().poll(new FeedSource("pages", url, null, Duration.ofMinutes(1), true));

        assertEquals(1, result.published(), String.valueOf(result));
        assertEquals(
                "Iran and [31mTurkey signed a deal in Ankara.",
                broker.sent().get(0).getBody());
    }

    @Test
    void shouldRejectOnlyTheOversizedItemCountingItsReason() {
        URI url = feed(rss(item("a", "A"), item("big", "B", "x".repeat(3_000_000)), item("c", "C")));
        PollResult result = poller().poll(new FeedSource("big", url, null, Duration.ofMinutes(1), false));

        assertEquals(new PollResult(PollResult.Status.NEW_ITEMS, 2, 0, 1, null), result);
        assertEquals(
                List.of("C", "A"),
                broker.sent().stream().map(RawArticle::getTitle).toList());
        assertEquals(1, metrics.count("feed_items_rejected", "too_large"));
        assertThat(metrics.render()).contains("bilateral_ingest_feed_items_rejected_total{reason=\"too_large\"} 1");
    }

    @Test
    void shouldKeepTheCursorSmallWhenEveryPollBringsNewMegabyteIds() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        web.route("/churn", exchange -> {
            int poll = polls.incrementAndGet();
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                items.append(item(poll + "-" + i + "-" + LONG_ID, "Story " + poll + "-" + i));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            LocalWebServer.send(exchange, 200, rss(items.toString()).getBytes(StandardCharsets.UTF_8));
        });
        FeedPoller poller = poller();
        FeedSource source = new FeedSource("churn", local("/churn"), null, Duration.ofMinutes(1), false);
        for (int i = 0; i < 5; i++) {
            PollResult result = poller.poll(source);
            assertEquals(4, result.published(), String.valueOf(result));
        }

        assertEquals(20, broker.sent().size());
        long bytes = Files.size(state.resolve("cursors/churn.json"));
        assertThat(bytes).isLessThan(1_000); // 20 items of 16-character hashes, not 20 MB of ids
    }

    @Test
    void shouldWriteAFeedsCursorOnlyWhenItChangesAndNeverForAnotherFeed() throws IOException {
        URI one = feed(rss(item("a", "A")));
        web.serve("/two.xml", "application/rss+xml", rss(item("b", "B")));
        FeedPoller poller = poller();
        FeedSource first = new FeedSource("one", one, null, Duration.ofMinutes(1), false);
        poller.poll(first);
        Path file = state.resolve("cursors/one.json");
        FileTime marked = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, marked);

        poller.poll(new FeedSource("two", local("/two.xml"), null, Duration.ofMinutes(1), false));
        assertEquals(marked, Files.getLastModifiedTime(file), "another feed's poll rewrote this cursor");
        poller.poll(first);
        assertEquals(marked, Files.getLastModifiedTime(file), "an unchanged poll rewrote the cursor");
        assertTrue(Files.exists(state.resolve("cursors/two.json")));
    }

    @Test
    void shouldPublishEveryItemOnceWhenTheBrokerGoesAwayDuringAPoll() {
        URI url = feed(rss(item("c", "C"), item("b", "B"), item("a", "A")));
        FeedSource source = new FeedSource("flaky", url, null, Duration.ofMinutes(1), false);
        FeedPoller poller = poller();
        broker.goAwayAfter = 1;

        PollResult during = poller.poll(source);
        assertEquals(PollResult.Status.FAILED, during.status());
        assertEquals(1, during.published());

        broker.goAwayAfter = Integer.MAX_VALUE;
        broker.sendException = null;
        PollResult after = poller.poll(source);
        assertEquals(2, after.published(), String.valueOf(after));
        assertEquals(
                List.of("A", "B", "C"),
                broker.sent().stream().map(RawArticle::getTitle).toList());
    }

    @Test
    void shouldPollAGoodFeedOnTimeWhileSlowFeedsHoldTheirThreads() throws Exception {
        // Two feeds that answer nothing for 15 s and a good feed, all on one host, polled by three threads.
        FetchLimits patient = new FetchLimits(
                Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(15), 100_000, 5, "hostile-test");
        web.stall("/slow-a").stall("/slow-b");
        web.serve("/good.xml", "application/rss+xml", rss(item("g", "Good")));
        CountDownLatch published = new CountDownLatch(1);
        broker.onSend = published::countDown;
        FeedPoller poller = poller(
                new HttpFetcher(
                        patient, AddressPolicy.allowing(List.of("127.0.0.1")), HostResolver.SYSTEM, System::nanoTime),
                Clock.systemUTC());
        List<FeedSource> sources = List.of(
                new FeedSource("slow-a", web.uri("/slow-a"), null, Duration.ofMinutes(1), false),
                new FeedSource("slow-b", web.uri("/slow-b"), null, Duration.ofMinutes(1), false),
                new FeedSource("good", web.uri("/good.xml"), null, Duration.ofMinutes(1), false));
        long start = System.nanoTime();
        FeedService service = new FeedService(
                sources,
                poller,
                PollTiming.DEFAULTS,
                TaskScheduler.pool("hostile-feeds", 3),
                TaskScheduler.pool("hostile-feeds-slow", 1),
                () -> 0.0);
        try {
            service.start();
            assertTrue(published.await(5, TimeUnit.SECONDS), "the good feed waited on the slow ones");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertEquals("Good", broker.sent().get(0).getTitle());
        } finally {
            web.close(); // releases the stalled answers first, so the pools stop at once
            service.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- serving

    private URI feed(String xml) {
        String path = "/feed-" + Integer.toHexString(xml.hashCode()) + ".xml";
        web.serve(path, "application/rss+xml", xml);
        return local(path);
    }

    private URI at(String path, Function<String, LocalWebServer> setUp) {
        setUp.apply(path);
        return local(path);
    }

    /** The feed's URL on the test server, through the one allowed host name. */
    private URI local(String path) {
        return URI.create("http://localhost:" + web.port() + path);
    }

    /** The test server's feed URL with {@code host} written instead of the allowed name. */
    private URI spelled(String host) {
        web.serve("/spelled.xml", "application/rss+xml", rss(item("s", "S")));
        return URI.create("http://" + host + ":" + web.port() + "/spelled.xml");
    }

    private URI gzipBomb() {
        byte[] bomb = LocalWebServer.gzip(new byte[8 * 1024 * 1024]);
        web.route("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalWebServer.send(exchange, 200, bomb);
        });
        return local("/bomb");
    }

    /** Accepts connections (the kernel does) and never says a word. */
    private URI silentAfterConnect() {
        ServerSocket server = listen(50);
        return URI.create("http://localhost:" + server.getLocalPort() + "/feed.xml");
    }

    /** A listener whose accept queue is full, so a new connection is never completed. */
    private URI notAccepting() {
        ServerSocket server = listen(1);
        for (int i = 0; i < 10; i++) {
            Socket filler = new Socket();
            servers.add(filler);
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
            } catch (SocketTimeoutException e) {
                return URI.create("http://localhost:" + server.getLocalPort() + "/feed.xml"); // the queue is full
            } catch (IOException e) {
                throw new IllegalStateException("cannot fill the accept queue: " + e, e);
            }
        }
        throw new IllegalStateException("the accept queue of a backlog-1 listener never filled");
    }

    private ServerSocket listen(int backlog) {
        try {
            ServerSocket server = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTPS server on localhost with a certificate made just now by keytool, signed by nobody. */
    private URI selfSigned() {
        try {
            Path keystore = state.resolve("self-signed.p12");
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "feed",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost",
                            "-validity",
                            "2",
                            "-keystore",
                            keystore.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            "changeit",
                            "-keypass",
                            "changeit")
                    .redirectErrorStream(true)
                    .start();
            byte[] output = keytool.getInputStream().readAllBytes();
            if (!keytool.waitFor(30, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(keystore.toFile())) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            byte[] body = rss(item("t", "T")).getBytes(StandardCharsets.UTF_8);
            server.createContext("/feed.xml", exchange -> LocalWebServer.send(exchange, 200, body));
            server.start();
            servers.add(() -> server.stop(0));
            return URI.create("https://localhost:" + server.getAddress().getPort() + "/feed.xml");
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the self-signed HTTPS server: " + e, e);
        }
    }

    static String rss(String... items) {
        return "<rss version=\"2.0\"><channel><title>Hostile</title>" + String.join("", items) + "</channel></rss>";
    }

    static String item(String guid, String title) {
        return item(guid, title, "Text of " + title + ".");
    }

    static String item(String guid, String title, String description) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><description>" + description
                + "</description></item>";
    }

    // ---------------------------------------------------------------------------------------------- the poller

    /** Names resolve without DNS: the allowed name to 127.0.0.1, two hostile names to what they attack. */
    private static final HostResolver RESOLVER = host -> switch (host) {
        case "localhost" -> List.of(InetAddress.getByName("127.0.0.1"));
        case "intranet.example" -> List.of(InetAddress.getByName("10.1.2.3"));
        case "mixed.example" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1"));
        default -> throw new UnknownHostException(host);
    };

    private FeedPoller poller() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return poller(
                new HttpFetcher(LIMITS, AddressPolicy.allowing(List.of("localhost")), RESOLVER, System::nanoTime),
                clock);
    }

    private FeedPoller poller(HttpFetcher fetcher, Clock clock) {
        ArticleIntake intake = new ArticleIntake(
                new ArticleValidator(ArticleLimits.DEFAULTS), broker.publisher(), new RecentIds(100), metrics);
        return new FeedPoller(
                fetcher,
                intake,
                CursorStore.open(state),
                new HostRateLimiter(clock, Duration.ofSeconds(1)),
                wait -> now = now.plus(wait), // waiting for a host's slot is the clock moving on
                Duration.ofSeconds(5));
    }

    /** Kafka's MockProducer through the real Avro serializer; it can go away after a number of sends. */
    static final class Broker extends MockProducer<String, RawArticle> {
        private static final Topic<String, RawArticle> TOPIC =
                Topics.create(new InMemorySchemaRegistry()).rawArticles();
        volatile int goAwayAfter = Integer.MAX_VALUE;
        volatile Runnable onSend = () -> {};

        Broker() {
            super(true, null, TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, RawArticle> record, Callback callback) {
            if (history().size() >= goAwayAfter) {
                sendException = new TimeoutException("the broker went away");
            }
            Future<RecordMetadata> sent = super.send(record, callback);
            onSend.run();
            return sent;
        }

        ArticlePublisher publisher() {
            return new ArticlePublisher(
                    this, TOPIC.name(), Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
        }

        /** The articles the broker stored, in order. */
        List<RawArticle> sent() {
            return history().stream().map(ProducerRecord::value).toList();
        }
    }

    // ---------------------------------------------------------------------------------------------- the log

    /** Runs {@code poll} with System.err (where slf4j-simple writes) copied into {@code logged[0]}. */
    private static PollResult captureLog(String[] logged, Supplier<PollResult> poll) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                        original.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                        original.write(b, off, len);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            return poll.get();
        } finally {
            System.setErr(original);
            logged[0] = bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Every line is one of slf4j-simple's ({@code [thread] LEVEL logger - message}), with no control characters. */
    private static void assertNoForgedLine(String log) {
        for (String line : log.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            assertThat(line).as("a log line that is not the logger's").startsWith("[");
            assertTrue(
                    line.chars().noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F)),
                    "control characters in the log line " + Arrays.toString(line.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
