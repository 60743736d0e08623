package io.bilateral.ingest.config;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.feeds.PollTiming;
import io.bilateral.ingest.fetch.FetchLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The feed poller's settings. Without {@code feeds.sources.file} nothing is polled.
 *
 * @param sourcesFile  the YAML list of feeds (see {@code sources.example.yaml})
 * @param stateDir     where the feed cursor is kept across restarts
 * @param fetch        bounds on every fetch of a feed or page
 * @param hostInterval least time between two requests to one host
 * @param timing       back-off and jitter of the polls
 * @param ackTimeout   how long a feed item waits for the broker before the poll counts as failed
 * @param threads      polls that may run at once; feeds whose last poll was slow run on a slow lane beside them
 */
public record FeedSettings(
        Optional<Path> sourcesFile,
        Path stateDir,
        FetchLimits fetch,
        Duration hostInterval,
        PollTiming timing,
        Duration ackTimeout,
        int threads) {

    public static final String SOURCES_FILE = "feeds.sources.file";
    public static final String STATE_DIR = "feeds.state.dir";
    public static final String HOST_INTERVAL = "feeds.host.interval";
    public static final String RETRY_INITIAL = "feeds.retry.initial";
    public static final String RETRY_MAX = "feeds.retry.max";
    public static final String JITTER = "feeds.jitter";
    public static final String ACK_TIMEOUT = "feeds.ack.timeout";
    public static final String CONNECT_TIMEOUT = "fetch.connect.timeout";
    public static final String READ_TIMEOUT = "fetch.read.timeout";
    public static final String DEADLINE = "fetch.deadline";
    public static final String MAX_BYTES = "fetch.max.bytes";
    public static final String MAX_REDIRECTS = "fetch.max.redirects";
    public static final String THREADS = "feeds.threads";

    public static FeedSettings from(Settings settings) {
        FetchLimits defaults = FetchLimits.DEFAULTS;
        FetchLimits fetch = new FetchLimits(
                positive(settings, CONNECT_TIMEOUT, defaults.connectTimeout()),
                positive(settings, READ_TIMEOUT, defaults.readTimeout()),
                positive(settings, DEADLINE, defaults.deadline()),
                range(settings, MAX_BYTES, defaults.maxBytes(), 1, Integer.MAX_VALUE - 8),
                range(settings, MAX_REDIRECTS, defaults.maxRedirects(), 0, 20),
                defaults.userAgent());
        String jitterText = settings.optional(JITTER).orElse(String.valueOf(PollTiming.DEFAULTS.jitter()));
        double jitter;
        try {
            jitter = Double.parseDouble(jitterText.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(JITTER, jitterText, "is not a number");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new ConfigException(JITTER, jitterText, "must be at least 0 and below 1");
        }
        PollTiming timing = new PollTiming(
                positive(settings, RETRY_INITIAL, PollTiming.DEFAULTS.retryInitial()),
                positive(settings, RETRY_MAX, PollTiming.DEFAULTS.maxBackoff()),
                jitter);
        return new FeedSettings(
                settings.optional(SOURCES_FILE).map(Path::of),
                Path.of(settings.optional(STATE_DIR).orElse(".bilateral/feeds")),
                fetch,
                positive(settings, HOST_INTERVAL, Duration.ofSeconds(1)),
                timing,
                positive(settings, ACK_TIMEOUT, Duration.ofSeconds(30)),
                range(settings, THREADS, 4, 1, 64));
    }

    private static Duration positive(Settings settings, String key, Duration fallback) {
        Duration value = settings.duration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException(key, settings.string(key), "must be longer than zero");
        }
        return value;
    }

    private static int range(Settings settings, String key, int fallback, int min, int max) {
        int value = settings.integer(key, fallback);
        if (value < min || value > max) {
            throw new ConfigException(key, String.valueOf(value), "must be between " + min + " and " + max);
        }
        return value;
    }
}
