package io.bilateral.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilateral.ingest.InMemoryPublisher;
import io.bilateral.ingest.LocalWebServer;
import io.bilateral.ingest.article.ArticleLimits;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.fetch.AddressPolicy;
import io.bilateral.ingest.fetch.FetchLimits;
import io.bilateral.ingest.fetch.HttpFetcher;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.RecentIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-source scheduling driven by a manual scheduler: time passes only when the test says so. */
class FeedServiceTest {

    /** Runs tasks in due order when the test advances its clock. */
    static final class ManualScheduler implements TaskScheduler {
        record Task(long due, long seq, Runnable run) {}

        final PriorityQueue<Task> tasks =
                new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
        final List<Duration> delays = new ArrayList<>();
        long now;
        long seq;

        @Override
        public void schedule(Runnable task, Duration delay) {
            delays.add(delay);
            tasks.add(new Task(now + delay.toMillis(), seq++, task));
        }

        void advance(Duration duration) {
            long until = now + duration.toMillis();
            while (!tasks.isEmpty() && tasks.peek().due <= until) {
                Task task = tasks.poll();
                now = task.due;
                task.run.run();
            }
            now = until;
        }

        @Override
        public void close() {
            tasks.clear();
        }
    }

    @TempDir
    Path state;

    private final LocalWebServer web = new LocalWebServer();
    private final InMemoryPublisher broker = InMemoryPublisher.acking();
    private final ManualScheduler scheduler = new ManualScheduler();

    @AfterEach
    void stop() {
        web.close();
    }

    private FeedService service(FeedSource... sources) {
        return new FeedService(
                        List.of(sources),
                        poller(),
                        new PollTiming(Duration.ofSeconds(30), Duration.ofMinutes(4), 0.0),
                        scheduler,
                        () -> 0.5)
                .start();
    }

    private FeedPoller poller() {
        return poller(System::nanoTime);
    }

    private FeedPoller poller(LongSupplier nanoTime) {
        return new FeedPoller(
                HttpFetcher.create(FetchLimits.DEFAULTS, AddressPolicy.allowing(List.of("127.0.0.1"))),
                new ArticleIntake(
                        new ArticleValidator(ArticleLimits.DEFAULTS),
                        broker.publisher,
                        new RecentIds(10),
                        new IngestMetrics()),
                CursorStore.open(state),
                new HostRateLimiter(Clock.systemUTC(), Duration.ZERO.plusMillis(1)),
                d -> {},
                Duration.ofSeconds(5),
                nanoTime);
    }

    @Test
    void shouldBackOffOnFailuresAndReturnToTheIntervalAfterASuccess() {
        FeedSource broken = new FeedSource("broken", web.uri("/missing.xml"), null, Duration.ofMinutes(5), false);
        FeedSource good = new FeedSource("good", web.uri("/good.xml"), null, Duration.ofMinutes(5), false);
        web.serve(
                "/good.xml",
                "application/rss+xml",
                "<rss><channel><item><title>t</title><description>b" + "</description></item></channel></rss>");
        FeedService service = service(broken, good);

        scheduler.advance(Duration.ofHours(1));

        assertThat(service.failures("broken")).isGreaterThan(4);
        assertEquals(0, service.failures("good"));
        assertEquals(1, broker.sent().size(), "the good feed published its one item once, undisturbed");
        // first polls spread over the first minute; then 30 s, 60 s, 120 s, 240 s, 240 s ... for the broken feed
        assertThat(scheduler.delays).startsWith(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(scheduler.delays)
                .contains(
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(240),
                        Duration.ofMinutes(5));
        assertThat(scheduler.delays).allMatch(delay -> delay.compareTo(Duration.ofMinutes(5)) <= 0);

        web.serve("/missing.xml", "application/rss+xml", "<rss><channel/></rss>");
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(0, service.failures("broken"));
        service.close();
    }

    @ParameterizedTest(name = "failure {0}: {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 240", "50, 240"})
    void shouldDoubleTheBackOffUpToTheMaximum(int failures, long seconds) {
        PollTiming timing = new PollTiming(Duration.ofSeconds(30), Duration.ofMinutes(4), 0.0);
        FeedSource source = new FeedSource("s", web.uri("/"), null, Duration.ofMinutes(5), false);
        assertEquals(Duration.ofSeconds(seconds), timing.afterFailure(source, failures, () -> 0.3));
    }

    @ParameterizedTest(name = "random {0}")
    @CsvSource({"0.0, 270", "0.5, 300", "0.99, 329.4"})
    void shouldSpreadIntervalsByTheJitter(double random, double seconds) {
        PollTiming timing = new PollTiming(Duration.ofSeconds(30), Duration.ofMinutes(4), 0.1);
        FeedSource source = new FeedSource("s", web.uri("/"), null, Duration.ofMinutes(5), false);
        assertEquals(Duration.ofMillis(Math.round(seconds * 1000)), timing.afterSuccess(source, () -> random));
    }

    @Test
    void shouldMoveAFeedWhosePollWasSlowToTheSlowLaneAndBackWhenItIsQuick() {
        // The clock moves only when the slow feed is fetched: its poll "takes" six seconds.
        AtomicLong nanos = new AtomicLong();
        AtomicBoolean slowServer = new AtomicBoolean(true);
        web.route("/slow.xml", exchange -> {
            if (slowServer.get()) {
                nanos.addAndGet(Duration.ofSeconds(6).toNanos());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            LocalWebServer.send(exchange, 200, "<rss><channel></channel></rss>".getBytes());
        });
        web.serve("/quick.xml", "application/rss+xml", "<rss><channel></channel></rss>");
        ManualScheduler slowLane = new ManualScheduler();
        FeedService service = new FeedService(
                        List.of(
                                new FeedSource("slow", web.uri("/slow.xml"), null, Duration.ofMinutes(1), false),
                                new FeedSource("quick", web.uri("/quick.xml"), null, Duration.ofMinutes(1), false)),
                        poller(nanos::get),
                        new PollTiming(Duration.ofSeconds(30), Duration.ofMinutes(4), 0.0),
                        scheduler,
                        slowLane,
                        () -> 0.0)
                .start();
        scheduler.advance(Duration.ZERO);

        assertTrue(service.isSlow("slow"));
        assertFalse(service.isSlow("quick"));
        assertEquals(1, slowLane.tasks.size()); // the slow feed's next poll
        assertEquals(1, scheduler.tasks.size()); // the quick feed's

        slowServer.set(false);
        slowLane.advance(Duration.ofMinutes(1));
        assertFalse(service.isSlow("slow"));
        assertEquals(0, slowLane.tasks.size());
        assertEquals(2, scheduler.tasks.size());
    }

    @Test
    void shouldSpaceRequestsToOneHost() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
        HostRateLimiter limiter = new HostRateLimiter(Clock.fixed(now.get(), ZoneOffset.UTC), Duration.ofSeconds(2));
        assertEquals(
                List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ZERO),
                List.of(
                        limiter.reserve("a.example"),
                        limiter.reserve("A.example"),
                        limiter.reserve("a.example"),
                        limiter.reserve("b.example")));
    }
}
