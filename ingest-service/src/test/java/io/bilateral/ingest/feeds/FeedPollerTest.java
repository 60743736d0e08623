package io.bilateral.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilateral.ingest.InMemoryPublisher;
import io.bilateral.ingest.LocalWebServer;
import io.bilateral.ingest.article.ArticleId;
import io.bilateral.ingest.article.ArticleLimits;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.fetch.AddressPolicy;
import io.bilateral.ingest.fetch.FetchLimits;
import io.bilateral.ingest.fetch.HostResolver;
import io.bilateral.ingest.fetch.HttpFetcher;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.RecentIds;
import io.bilateral.schemas.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One feed served by a local server, polled into Kafka's MockProducer, the cursor in a temporary directory. */
class FeedPollerTest {

    private static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10), 100_000, 5, "test");

    @TempDir
    Path state;

    private final LocalWebServer web = new LocalWebServer();
    private final InMemoryPublisher broker = InMemoryPublisher.acking();
    private final List<Duration> slept = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T10:00:00Z"));

    @AfterEach
    void stop() {
        web.close();
    }

    private FeedPoller poller(InMemoryPublisher publisher) {
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
                return now.get();
            }
        };
        HttpFetcher fetcher = new HttpFetcher(
                LIMITS, AddressPolicy.allowing(List.of("127.0.0.1")), HostResolver.SYSTEM, System::nanoTime);
        ArticleIntake intake = new ArticleIntake(
                new ArticleValidator(ArticleLimits.DEFAULTS),
                publisher.publisher,
                new RecentIds(100),
                new IngestMetrics());
        return new FeedPoller(
                fetcher,
                intake,
                CursorStore.open(state),
                new HostRateLimiter(clock, Duration.ofSeconds(1)),
                duration -> {
                    slept.add(duration);
                    now.set(now.get().plus(duration)); // waiting is advancing the clock
                },
                Duration.ofSeconds(5));
    }

    private FeedSource source(boolean fullText) {
        return new FeedSource("wire", web.uri("/feed.xml"), "IRN", Duration.ofMinutes(5), fullText);
    }

    private static String rss(String... items) {
        return "<rss version=\"2.0\"><channel><title>Wire</title>" + String.join("", items) + "</channel></rss>";
    }

    private String item(int n) {
        return "<item><title>Story " + n + "</title><link>" + web.uri("/story/" + n) + "?utm_source=rss</link>"
                + "<guid>id-" + n + "</guid><pubDate>Sun, 05 Dec 2021 12:1" + n + ":00 GMT</pubDate>"
                + "<description>&lt;p&gt;Text of story " + n + ".&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;"
                + "</description></item>";
    }

    @Test
    void shouldPublishNewItemsOldestFirstWithOutletCountryAndDate() {
        web.serve("/feed.xml", "application/rss+xml", rss(item(2), item(1)));
        PollResult result = poller(broker).poll(source(false));

        assertEquals(new PollResult(PollResult.Status.NEW_ITEMS, 2, 0, 0, null), result);
        RawArticle first = broker.sent().get(0).value();
        assertEquals("Story 1", first.getTitle());
        assertEquals("Text of story 1.", first.getBody());
        assertEquals(web.uri("/story/1").toString(), first.getUrl());
        assertEquals(ArticleId.forUrl(web.uri("/story/1").toString()), first.getId());
        assertEquals("wire", first.getSource());
        assertEquals("IRN", first.getSourceCountry());
        assertEquals("feed:wire", first.getOrigin());
        assertEquals(Instant.parse("2021-12-05T12:11:00Z"), first.getPublished());
        assertEquals("Story 2", broker.sent().get(1).value().getTitle());
    }

    @Test
    void shouldPublishOnlyItemsThatAppearedSinceTheLastPollEvenAfterARestart() {
        web.serve("/feed.xml", "application/rss+xml", rss(item(1)));
        poller(broker).poll(source(false));
        web.serve("/feed.xml", "application/rss+xml", rss(item(3), item(2), item(1)));

        InMemoryPublisher afterRestart = InMemoryPublisher.acking(); // new poller, new cache: only the cursor file
        PollResult result = poller(afterRestart).poll(source(false));

        assertEquals(2, result.published());
        assertThat(afterRestart.sent())
                .extracting(record -> record.value().getTitle())
                .containsExactly("Story 2", "Story 3");
    }

    @Test
    void shouldPollConditionallyWithTheStoredEtag() {
        web.route("/feed.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalWebServer.send(exchange, 304, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Sun, 05 Dec 2021 12:00:00 GMT");
            LocalWebServer.send(exchange, 200, rss(item(1)).getBytes());
        });
        FeedPoller poller = poller(broker);
        poller.poll(source(false));
        PollResult second = poller.poll(source(false));

        assertEquals(PollResult.Status.UNCHANGED, second.status());
        assertEquals(
                "Sun, 05 Dec 2021 12:00:00 GMT",
                web.requests("/feed.xml").get(1).header("If-modified-since"));
        assertEquals(1, broker.sent().size());
    }

    @Test
    void shouldKeepUnstoredItemsAndTheOldEtagWhenTheBrokerFails() {
        web.route("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v2\"");
            LocalWebServer.send(exchange, 200, rss(item(2), item(1)).getBytes());
        });
        InMemoryPublisher down = InMemoryPublisher.acking();
        down.producer.sendException = new TimeoutException("broker down");
        PollResult failed = poller(down).poll(source(false));
        assertEquals(PollResult.Status.FAILED, failed.status());
        assertThat(failed.problem()).contains("broker down");

        PollResult retried = poller(broker).poll(source(false));
        assertEquals(2, retried.published());
        assertEquals(null, web.requests("/feed.xml").get(1).header("If-none-match"));
    }

    @Test
    void shouldTakeTheTextAndDateFromTheLinkedPage() {
        web.serve(
                "/feed.xml",
                "application/rss+xml",
                rss("<item><title>Pact</title><link>" + web.uri("/story/9")
                        + "</link><description>Teaser only</description></item>"));
        web.serve("/story/9", "text/html; charset=utf-8", """
                <html><head><meta property="article:published_time" content="2021-12-05T12:11:00Z"></head>
                <body><nav>Menu</nav><article><p>The whole story.</p><script>evil()</script>
                <div class="related">Other</div></article></body></html>""");
        PollResult result = poller(broker).poll(source(true));

        assertEquals(1, result.published());
        RawArticle article = broker.sent().get(0).value();
        assertEquals("The whole story.", article.getBody());
        assertEquals(Instant.parse("2021-12-05T12:11:00Z"), article.getPublished());
        assertThat(slept).as("the page waited for its slot on the same host").containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void shouldFallBackToTheFeedTextWhenTheLinkIsRefused() {
        web.serve(
                "/feed.xml",
                "application/rss+xml",
                rss("<item><title>Probe</title><link>http://169.254.169.254/latest/meta-data</link>"
                        + "<description>Feed text</description></item>"));
        PollResult result = poller(broker).poll(source(true));

        assertEquals(1, result.published());
        assertEquals("Feed text", broker.sent().get(0).value().getBody());
    }

    /** Hostile or broken feeds and items: one line each — the poll fails or the item is rejected, nothing else. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            XXE                        | <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss> | FAILED | 0 | feed refused: it declares a DTD
            entity bomb                | <?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss> | FAILED | 0 | feed refused: it declares a DTD
            not a feed                 | <html><body>login</body></html> | FAILED | 0 | not an RSS or Atom feed: the root element is <html>
            invalid date               | <rss><channel><item><title>t</title><description>b</description><pubDate>someday</pubDate></item></channel></rss> | NEW_ITEMS | 1 |
            empty text                 | <rss><channel><item><title>t</title><description>   </description></item></channel></rss> | NEW_ITEMS | 1 |
            only a script              | <rss><channel><item><title>t</title><description>&lt;script&gt;x()&lt;/script&gt;</description></item></channel></rss> | NEW_ITEMS | 1 |
            javascript link            | <rss><channel><item><title>t</title><link>javascript:alert(1)</link><description>b</description></item></channel></rss> | NEW_ITEMS | 1 |
            """)
    void shouldRefuseHostileFeedsAndItems(
            String name, String xml, PollResult.Status status, int rejected, String problemStart) {
        web.serve("/feed.xml", "application/rss+xml", xml);
        PollResult result = poller(broker).poll(source(false));

        assertEquals(status, result.status(), String.valueOf(result));
        assertEquals(rejected, result.rejected());
        if (problemStart != null) {
            assertThat(result.problem()).startsWith(problemStart);
        }
        assertThat(broker.sent()).isEmpty();
    }

    @Test
    void shouldRefuseAFeedOnAPrivateAddressWithoutTheAllowList() {
        FeedPoller strict = new FeedPoller(
                HttpFetcher.create(LIMITS, AddressPolicy.publicOnly()),
                new ArticleIntake(
                        new ArticleValidator(ArticleLimits.DEFAULTS),
                        broker.publisher,
                        new RecentIds(10),
                        new IngestMetrics()),
                CursorStore.open(state),
                new HostRateLimiter(Clock.systemUTC(), Duration.ofSeconds(1)),
                d -> {},
                Duration.ofSeconds(5));
        web.serve("/feed.xml", "application/rss+xml", rss(item(1)));

        PollResult result = strict.poll(source(false));
        assertEquals(
                PollResult.failed("refused " + web.uri("/feed.xml")
                        + ": 127.0.0.1 is a loopback address (not on the allow-list)"),
                result);
        assertThat(web.requests()).isEmpty();
    }
}
