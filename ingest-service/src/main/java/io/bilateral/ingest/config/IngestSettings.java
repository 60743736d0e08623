package io.bilateral.ingest.config;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.article.ArticleLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything ingest-service reads from {@link Settings}, checked once at start-up. Keys use dots only, so each can
 * also be set from the environment ({@code http.port} ← {@code BILATERAL_HTTP_PORT}, as docker-compose.yml does).
 */
public record IngestSettings(HttpSettings http, ArticleLimits limits, long maxFileBytes, Duration fileAckTimeout) {

    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_MAX_BODY_BYTES = "http.max.body.bytes";
    public static final String HTTP_THREADS = "http.threads";
    public static final String HTTP_QUEUE = "http.queue";
    public static final String HTTP_ACK_TIMEOUT = "http.ack.timeout";
    public static final String HTTP_QUEUE_MAX_WAIT = "http.queue.max.wait";
    public static final String MAX_TITLE_CHARS = "ingest.max.title.chars";
    public static final String MAX_BODY_CHARS = "ingest.max.body.chars";
    public static final String MAX_FILE_BYTES = "ingest.files.max.bytes";
    public static final String FILE_ACK_TIMEOUT = "ingest.files.ack.timeout";

    /**
     * Defaults for {@link Settings#fromProcess(Map)}: the local stack's addresses (DESIGN.md) and the limits. The
     * request byte limit (1 MiB) only stops abuse before parsing; the character limits decide what an article may hold.
     */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("kafka.bootstrap.servers", "127.0.0.1:9092"),
            Map.entry("registry.url", "http://127.0.0.1:8081/apis/ccompat/v7"),
            Map.entry(HTTP_HOST, "127.0.0.1"),
            Map.entry(HTTP_PORT, "8080"),
            Map.entry(HTTP_MAX_BODY_BYTES, "1048576"),
            Map.entry(HTTP_THREADS, "8"),
            // waiting requests hold no body yet (it stays in the socket), so the queue can be long; the wait bound
            // (http.queue.max.wait) is what keeps latency and memory in check under overload
            Map.entry(HTTP_QUEUE, "1024"),
            Map.entry(HTTP_QUEUE_MAX_WAIT, "1s"),
            Map.entry(HTTP_ACK_TIMEOUT, "10s"),
            Map.entry(MAX_TITLE_CHARS, String.valueOf(ArticleLimits.DEFAULTS.maxTitleChars())),
            Map.entry(MAX_BODY_CHARS, String.valueOf(ArticleLimits.DEFAULTS.maxBodyChars())),
            // 10 MiB: a large JSON-lines export, but not a file read into memory by mistake
            Map.entry(MAX_FILE_BYTES, String.valueOf(10L * 1024 * 1024)),
            // longer than the producer's delivery timeout (30 s), so the producer reports a dead broker first
            Map.entry(FILE_ACK_TIMEOUT, "60s"));

    /**
     * Reads and checks the settings; a bad value fails with the key's name. Keys that are not set take their value
     * from {@link #DEFAULTS}, so settings built by another program (the CLI, a test) need only say what differs.
     */
    public static IngestSettings from(Settings given) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        values.putAll(given.asMap());
        Settings settings = Settings.of(values);
        HttpSettings http = new HttpSettings(
                settings.string(HTTP_HOST),
                range(settings, HTTP_PORT, 0, 65_535),
                range(settings, HTTP_MAX_BODY_BYTES, 1, Integer.MAX_VALUE - 8),
                range(settings, HTTP_THREADS, 1, 1_024),
                range(settings, HTTP_QUEUE, 0, 1_000_000),
                positive(settings, HTTP_ACK_TIMEOUT),
                HttpSettings.DEFAULT_MAX_BATCH_BYTES,
                HttpSettings.DEFAULT_MAX_BATCH_ITEMS,
                positive(settings, HTTP_QUEUE_MAX_WAIT));
        ArticleLimits limits = new ArticleLimits(
                range(settings, MAX_TITLE_CHARS, 1, Integer.MAX_VALUE),
                range(settings, MAX_BODY_CHARS, 1, Integer.MAX_VALUE));
        long maxFileBytes = settings.longValue(MAX_FILE_BYTES);
        if (maxFileBytes < 1) {
            throw new ConfigException(MAX_FILE_BYTES, String.valueOf(maxFileBytes), "must be at least 1");
        }
        return new IngestSettings(http, limits, maxFileBytes, positive(settings, FILE_ACK_TIMEOUT));
    }

    private static int range(Settings settings, String key, int min, int max) {
        int value = settings.integer(key);
        if (value < min || value > max) {
            throw new ConfigException(key, String.valueOf(value), "must be between " + min + " and " + max);
        }
        return value;
    }

    private static Duration positive(Settings settings, String key) {
        Duration value = settings.duration(key);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(key, settings.string(key), "must be longer than zero");
        }
        return value;
    }
}
