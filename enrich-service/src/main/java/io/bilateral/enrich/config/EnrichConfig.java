package io.bilateral.enrich.config;

import io.bilateral.config.Settings;
import io.bilateral.enrich.errors.RegistryAwareDeserializationHandler;
import io.bilateral.enrich.errors.RegistryAwareProcessingHandler;
import io.bilateral.enrich.errors.RegistryAwareProductionHandler;
import io.bilateral.topics.TopicNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The enrich-service's settings. Production defaults sit under whatever the file, the environment or system
 * properties give; any {@code kafka.*} key passes through to Kafka Streams and wins over the defaults here.
 */
public final class EnrichConfig {

    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String STATE_DIR = "state.dir";
    public static final String CLUSTER_WINDOW = "clustering.window";
    public static final String CLUSTER_MIN_SIMILARITY = "clustering.min.similarity";
    public static final String CLUSTER_RETENTION = "clustering.retention";
    public static final String STREAM_MAX_SUBSCRIBERS = "http.stream.max.subscribers";

    /** Defaults for the embedded local stack; production overrides them through the environment. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "kafka.bootstrap.servers",
            "127.0.0.1:9092",
            "registry.url",
            "http://127.0.0.1:8081/apis/ccompat/v7",
            "kafka.application.id",
            "bilateral-enrich",
            HTTP_HOST,
            "127.0.0.1",
            HTTP_PORT,
            "8090",
            STATE_DIR,
            System.getProperty("java.io.tmpdir") + "/bilateral-streams",
            CLUSTER_WINDOW,
            "PT72H",
            CLUSTER_MIN_SIMILARITY,
            "0.2",
            CLUSTER_RETENTION,
            "P30D",
            STREAM_MAX_SUBSCRIBERS,
            "100");

    private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]", "");

    private final Settings settings;

    public EnrichConfig(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The Kafka Streams application id, which prefixes the internal topics. */
    public String applicationId() {
        return settings.string("kafka." + StreamsConfig.APPLICATION_ID_CONFIG);
    }

    public String httpHost() {
        return settings.string(HTTP_HOST);
    }

    public int httpPort() {
        return settings.integer(HTTP_PORT);
    }

    public Duration clusteringWindow() {
        return settings.duration(CLUSTER_WINDOW);
    }

    public Duration clusteringRetention() {
        return settings.duration(CLUSTER_RETENTION);
    }

    public double clusteringMinSimilarity() {
        String value = settings.string(CLUSTER_MIN_SIMILARITY);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CLUSTER_MIN_SIMILARITY + ": '" + value + "' is not a number", e);
        }
    }

    /** Where other instances reach this one's query API: {@code kafka.application.server}, else http host and port. */
    public HostInfo applicationServer() {
        return HostInfo.buildFromEndpoint(settings.kafkaProperties()
                .getOrDefault(StreamsConfig.APPLICATION_SERVER_CONFIG, httpHost() + ":" + httpPort())
                .toString());
    }

    public int maxStreamSubscribers() {
        return settings.integer(STREAM_MAX_SUBSCRIBERS);
    }

    /**
     * Commit interval under exactly-once, in ms (Kafka Streams' default is 100). A report reaches
     * {@code relations.events} through the articles-by-pair repartition topic, which its reader sees only once the
     * transaction that wrote it has committed: the path waits for two commits, so the interval counts twice in the
     * latency. {@code ./bilateral bench --rate 200 --repeat 3} on 2 cores, p50/p99: Reuters 198/280 ms with 100 ms,
     * 80/136 with 30, 62/141 with 20; the samples 185/271, 71/123 and 54/140 ms. The price is more transactions
     * while busy, each of which waits for its records to be flushed: Reuters backlog throughput 971, 887 and 751
     * articles/s (pipeline/passthrough 67, 58 and 50 %), broker CPU per article up by half. 30 ms keeps most of the
     * latency gain for a tenth of the throughput.
     */
    public static final int COMMIT_INTERVAL_MS = 30;

    /**
     * How long the stream thread blocks in {@code poll} when no records arrive, in ms (Kafka Streams' default is 100).
     * The thread commits only between polls, so an idle poll delays the commit of what it has just processed: at a
     * low rate the second commit of the path waited for the full poll time: p50 at 5 articles/s (the samples) was
     * 323 ms with Kafka's defaults, 139 ms with a 20 ms commit interval alone, 68 ms with a 20 ms poll time too. Kept
     * equal to the commit interval; an idle thread wakes more often but sends no extra fetch requests.
     */
    public static final int POLL_MS = COMMIT_INTERVAL_MS;

    /**
     * The instance's static member id in the consumer group ({@code group.instance.id}; Kafka Streams appends the
     * thread index): the application id and where the instance serves queries, which must differ between instances
     * anyway. On a wildcard host ({@code 0.0.0.0}, as in a container) the machine's host name stands in for it.
     *
     * <p>Why static: an instance that crashes stays a member of the group until its session times out (45 s), and a
     * restarted instance that joins under a new member id makes the rebalance wait for that. Measured with
     * {@code kill -9} of broker and enrich-service, then {@code ./bilateral up}: the restarted service became ready
     * 44–46 s after the broker, all of it the wait for the dead member (the global store was loaded after 6 s). A
     * static member takes its old place at once. Its open transaction is no obstacle either: the transactional id
     * comes from the process id, which Kafka Streams keeps in the state directory, so the new producer fences and
     * aborts the old transaction when it starts.
     */
    public String groupInstanceId(Supplier<String> localHostName) {
        HostInfo server = applicationServer();
        String host = WILDCARD_HOSTS.contains(server.host()) ? localHostName.get() : server.host();
        String id = applicationId() + "-" + host + "-" + server.port();
        // the broker accepts letters, digits, '.', '_' and '-' only
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "http.host is a wildcard and this machine has no resolvable host name: set "
                            + "kafka.application.server or kafka.group.instance.id",
                    e);
        }
    }

    /**
     * Kafka Streams properties: exactly-once with a short commit interval and poll time (see
     * {@link #COMMIT_INTERVAL_MS}), static group membership (see {@link #groupInstanceId}), poison records to
     * {@code news.dlq} with the reason in headers (registry trouble fails the stream thread instead, see
     * {@link io.bilateral.enrich.errors.RegistryTrouble}), then every {@code kafka.*} setting on top.
     */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.string(STATE_DIR));
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicNames.DLQ);
        // poison records to the DLQ; registry trouble fails the thread instead, so no record is lost to it
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RegistryAwareDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareProductionHandler.class);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, httpHost() + ":" + httpPort());
        props.putAll(settings.kafkaProperties());
        if (!props.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId(EnrichConfig::localHostName));
        }
        return props;
    }
}
