package io.bilateral.ingest;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.config.FeedSettings;
import io.bilateral.ingest.config.IngestSettings;
import io.bilateral.ingest.feeds.CursorStore;
import io.bilateral.ingest.feeds.FeedPoller;
import io.bilateral.ingest.feeds.FeedService;
import io.bilateral.ingest.feeds.HostRateLimiter;
import io.bilateral.ingest.feeds.Sleeper;
import io.bilateral.ingest.feeds.SourcesFile;
import io.bilateral.ingest.feeds.TaskScheduler;
import io.bilateral.ingest.fetch.HttpFetcher;
import io.bilateral.ingest.health.BrokerCheck;
import io.bilateral.ingest.health.RegistryCheck;
import io.bilateral.ingest.http.IngestServer;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.RecentIds;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.registry.RegistryClientOptions;
import io.bilateral.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ingest-service: registry client, topic catalogue, publisher, HTTP API and — when
 * {@code feeds.sources.file} is set — the feed poller, wired from {@link Settings}. {@link App} runs it as a process;
 * the CLI can run it inside its own JVM. Closing stops the feeds and the API first, then the publisher, so work in
 * flight still gets its acknowledgement.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    /** Settings key of the API's bearer token; read from the environment only ({@code BILATERAL_INGEST_TOKEN}). */
    public static final String TOKEN_KEY = "ingest.token";

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
    /** Threads of the feeds' slow lane: slow feeds share them, so they never hold the main pool. */
    private static final int SLOW_LANE_THREADS = 2;

    private final ArticlePublisher publisher;
    private final IngestServer server;
    private final BrokerCheck brokerCheck;
    private final FeedService feeds;

    private IngestService(ArticlePublisher publisher, IngestServer server, BrokerCheck brokerCheck, FeedService feeds) {
        this.publisher = publisher;
        this.server = server;
        this.brokerCheck = brokerCheck;
        this.feeds = feeds;
    }

    /** Starts the service; {@code settings} usually come from {@code Settings.fromProcess(IngestSettings.DEFAULTS)}. */
    public static IngestService start(Settings settings) {
        IngestSettings ingest = IngestSettings.from(settings);
        FeedSettings feedSettings = FeedSettings.from(settings);
        Optional<SourcesFile> sources = feedSettings.sourcesFile().map(file -> {
            try {
                return SourcesFile.read(file);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(FeedSettings.SOURCES_FILE, file.toString(), e.getMessage());
            }
        });
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        ArticlePublisher publisher = ArticlePublisher.create(settings, topics.rawArticles());
        ArticleIntake intake = new ArticleIntake(
                new ArticleValidator(ingest.limits()),
                publisher,
                new RecentIds(RecentIds.DEFAULT_CAPACITY),
                new IngestMetrics());
        BrokerCheck brokerCheck = new BrokerCheck(settings.kafkaProperties(), READINESS_TIMEOUT);
        IngestServer server;
        try {
            server = IngestServer.start(
                    ingest.http(),
                    intake,
                    List.of(
                            brokerCheck,
                            new RegistryCheck(RegistryClientOptions.fromSettings(settings), READINESS_TIMEOUT)),
                    settings.secret(TOKEN_KEY));
        } catch (IOException e) {
            brokerCheck.close();
            publisher.close();
            throw new UncheckedIOException(
                    "cannot serve the ingest API on " + ingest.http().host() + ":"
                            + ingest.http().port() + ": " + e.getMessage(),
                    e);
        }
        FeedService feeds =
                sources.map(file -> startFeeds(file, feedSettings, intake)).orElse(null);
        return new IngestService(publisher, server, brokerCheck, feeds);
    }

    private static FeedService startFeeds(SourcesFile sources, FeedSettings settings, ArticleIntake intake) {
        HttpFetcher fetcher = HttpFetcher.create(settings.fetch(), sources.policy());
        FeedPoller poller = new FeedPoller(
                fetcher,
                intake,
                CursorStore.open(settings.stateDir()),
                new HostRateLimiter(Clock.systemUTC(), settings.hostInterval()),
                Sleeper.REAL,
                settings.ackTimeout());
        return new FeedService(
                        sources.sources(),
                        poller,
                        settings.timing(),
                        TaskScheduler.pool("ingest-feeds", settings.threads()),
                        TaskScheduler.pool("ingest-feeds-slow", SLOW_LANE_THREADS),
                        () -> ThreadLocalRandom.current().nextDouble())
                .start();
    }

    /** Where the HTTP API listens, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        log.info("Stopping ingest-service");
        if (feeds != null) {
            feeds.close();
        }
        server.close();
        brokerCheck.close();
        publisher.close();
    }
}
