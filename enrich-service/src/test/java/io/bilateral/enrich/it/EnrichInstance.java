package io.bilateral.enrich.it;

import io.bilateral.config.Settings;
import io.bilateral.enrich.StreamThreadFailures;
import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.enrich.dictionary.RuntimeDictionary;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.http.EventStream;
import io.bilateral.enrich.http.QueryServer;
import io.bilateral.enrich.http.RelationsQueries;
import io.bilateral.enrich.topology.EventClustering;
import io.bilateral.enrich.topology.RelationsTopology;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.serde.SchemaRegistration;
import io.bilateral.topics.TopicProvisioner;
import io.bilateral.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One enrich-service instance wired as {@code App} wires it (schemas registered before the start, the same
 * stream-thread failure policy), on the test broker and registry.
 */
final class EnrichInstance implements AutoCloseable {

    private static final RuleBasedEnricher ENGINE = RuleBasedEnricher.create();

    final KafkaStreams streams;
    final QueryServer http;
    final EventStream events;
    final Topics topics;
    private final CountDownLatch running = new CountDownLatch(1);

    private EnrichInstance(Settings settings) throws IOException {
        EnrichConfig config = new EnrichConfig(settings);
        topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        SchemaRegistration.fromSettings(settings)
                .registerAll(RelationsTopology.avroOutputs(config.applicationId(), topics));
        RuntimeDictionary dictionary = new RuntimeDictionary(ENGINE);
        streams = new KafkaStreams(
                RelationsTopology.build(
                        topics,
                        dictionary,
                        dictionary,
                        new EventClustering(
                                config.clusteringWindow(),
                                config.clusteringMinSimilarity(),
                                config.clusteringRetention()),
                        Clock.systemUTC()),
                config.streamsProperties());
        streams.setUncaughtExceptionHandler(StreamThreadFailures.standard(Clock.systemUTC()));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        events = new EventStream(topics.relationEvents(), settings.kafkaProperties(), 10, Clock.systemUTC());
        http = new QueryServer(
                config.httpHost(),
                config.httpPort(),
                new RelationsQueries(streams, config.applicationServer()),
                events);
    }

    /** Settings of an instance of application {@code appId}; extra {@code kafka.*} keys override. */
    static Settings settings(String bootstrap, String registry, String appId, Path stateDir, Map<String, String> extra)
            throws IOException {
        Map<String, String> values = new HashMap<>(EnrichConfig.DEFAULTS); // production defaults, then the test's
        values.putAll(Map.of(
                "kafka.bootstrap.servers",
                bootstrap,
                "kafka.application.id",
                appId,
                "registry.url",
                registry,
                EnrichConfig.STATE_DIR,
                stateDir.toString(),
                EnrichConfig.HTTP_PORT,
                String.valueOf(freePort()),
                EnrichConfig.STREAM_MAX_SUBSCRIBERS,
                "10"));
        values.putAll(extra);
        return Settings.of(values);
    }

    static void provisionTopics(Settings settings) {
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            TopicProvisioner.fromSettings(admin, settings).provision();
        }
    }

    static EnrichInstance start(Settings settings) throws IOException {
        EnrichInstance instance = new EnrichInstance(settings);
        instance.http.start();
        instance.streams.start();
        instance.events.start();
        return instance;
    }

    boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    /** As close to a crash as one JVM allows: no wait, no commit of pending work, no leaving the group. */
    void crash() {
        http.close();
        events.close();
        streams.close(CloseOptions.timeout(Duration.ZERO)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        http.close();
        events.close();
        streams.close(Duration.ofSeconds(30));
    }
}
