package io.bilateral.enrich;

import io.bilateral.config.Settings;
import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.enrich.dictionary.ActorSeeder;
import io.bilateral.enrich.dictionary.RuntimeDictionary;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.http.EventStream;
import io.bilateral.enrich.http.QueryServer;
import io.bilateral.enrich.http.RelationsQueries;
import io.bilateral.enrich.topology.EventClustering;
import io.bilateral.enrich.topology.RelationsTopology;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.registry.SchemaRegistryException;
import io.bilateral.serde.SchemaRegistration;
import io.bilateral.topics.TopicProvisioner;
import io.bilateral.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich-service: wires settings, registry, topics, the engine, the topology and the query API, then runs. */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * JVM options the local stack and the benchmark run the service with. The heap cap matters: with the full
     * dictionary the live heap stays under 200 MB under load, but without a cap G1 lets the committed heap grow past
     * 800 MB (measured by ./bilateral bench), which takes the process over its 1 GB budget.
     *
     * <p>C1 only, as for the local registry: the engine is hundreds of large methods, and C2 spent about 20 CPU seconds
     * compiling them in the first 14,000 articles after a start and was not done (JFR, {@code ./bilateral bench
     * --warmup 6000 --articles 6000}), over three times the stream thread's own 6 CPU s; on two shared cores that
     * also delays the broker, so every commit waits longer. Once done, C2 saves about 0.02 ms per
     * Reuters article in the annotate step (0.047 instead of 0.067 ms, {@code Throughput} on reut2-003), which repays
     * its compilation after about a million articles. Machines with cores to spare can undo this with {@code
     * -XX:TieredStopAtLevel=4} after it.
     */
    public static final List<String> JVM_ARGS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private App() {}

    public static void main(String[] args) throws Exception {
        EnrichConfig config = new EnrichConfig(Settings.fromProcess(EnrichConfig.DEFAULTS));
        Settings settings = config.settings();
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            TopicProvisioner.fromSettings(admin, settings).provision();
        }
        try {
            // before anything writes: a registry error here holds up the start instead of dropping a record later
            SchemaRegistration.fromSettings(settings)
                    .registerAll(RelationsTopology.avroOutputs(config.applicationId(), topics));
        } catch (SchemaRegistryException e) {
            log.error("enrich-service cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        RuntimeDictionary dictionary = new RuntimeDictionary(RuleBasedEnricher.create());
        ActorSeeder.seedIfEmpty(settings, topics, dictionary.bundledEntries());
        Clock clock = Clock.systemUTC();
        var topology = RelationsTopology.build(
                topics,
                dictionary,
                dictionary,
                new EventClustering(
                        config.clusteringWindow(), config.clusteringMinSimilarity(), config.clusteringRetention()),
                clock);
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
                EventStream events = new EventStream(
                        topics.relationEvents(), settings.kafkaProperties(), config.maxStreamSubscribers(), clock);
                QueryServer http = new QueryServer(
                        config.httpHost(),
                        config.httpPort(),
                        new RelationsQueries(streams, config.applicationServer()),
                        events)) {
            streams.setUncaughtExceptionHandler(StreamThreadFailures.standard(clock));
            streams.setStateListener((now, before) -> {
                log.info("Kafka Streams {} -> {}", before, now);
                if (now == KafkaStreams.State.RUNNING) {
                    log.info("enrich-service ready");
                }
                if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                    stopped.countDown();
                }
            });
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                // leave the group: otherwise the next start waits out the old member's session timeout
                                // (~45 s)
                                streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                                        .withGroupMembershipOperation(
                                                CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
                                stopped.countDown();
                            },
                            "enrich-shutdown"));
            http.start();
            streams.start();
            events.start();
            stopped.await();
        }
    }
}
