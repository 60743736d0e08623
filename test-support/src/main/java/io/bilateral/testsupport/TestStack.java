package io.bilateral.testsupport;

import io.bilateral.stack.BrokerConfig;
import io.bilateral.stack.LocalRegistry;
import io.bilateral.stack.StackLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry for integration tests, shared by every test in a test JVM; get it
 * from {@link TestStackExtension}. The broker is a real KRaft node (broker and controller combined) inside
 * this JVM, started on first use in about 2 s. The registry is a real Apicurio process (the local stack's
 * {@link LocalRegistry}) on a free port with its data in a temporary directory, started only when a test
 * first asks for {@link #registryUrl()}; it needs {@code registry-runner/target/*-runner.jar}.
 *
 * <p>Tests share the broker: use topic names of your own (e.g. per test class) rather than deleting topics.
 */
public final class TestStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestStack.class);
    private static final Duration REGISTRY_START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REGISTRY_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit cluster;
    private final Path registryDir;
    private LocalRegistry registry;
    private boolean closed;

    private TestStack(KafkaClusterTestKit cluster, Path registryDir) {
        this.cluster = cluster;
        this.registryDir = registryDir;
    }

    /** Starts the broker; prefer {@link TestStackExtension}, which starts one per test JVM and closes it. */
    public static TestStack start() throws Exception {
        long begin = System.nanoTime();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        BrokerConfig.singleNodeSettings().forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        log.info(
                "test broker ready at {} in {} ms",
                cluster.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000);
        TestStack stack = new TestStack(cluster, Files.createTempDirectory("bilateral-test-registry-"));
        // the registry is a separate process: if the run is interrupted before JUnit closes the stack,
        // it would outlive the test JVM
        Runtime.getRuntime().addShutdownHook(new Thread(stack::closeQuietly, "test-stack-shutdown"));
        return stack;
    }

    /**
     * A cluster of {@code brokers} brokers and one separate controller in this JVM, with the replication of
     * {@link BrokerConfig#clusterSettings} (three replicas, two in sync), for tests that stop brokers: a stopped broker
     * never takes the controller with it. The registry is the caller's (use the shared stack's).
     */
    public static TestStack startCluster(int brokers) throws Exception {
        long begin = System.nanoTime();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        BrokerConfig.singleNodeSettings().forEach(builder::setConfigProp);
        BrokerConfig.clusterSettings(brokers).forEach(builder::setConfigProp);
        // Kafka's 50 offsets and 50 transaction-state partitions, three replicas each, are 300 replicas for three
        // brokers in one JVM to fetch and, when one stops, a third of the coordinators to reload: on 2 shared cores
        // that starved the coordinators' writes past their 5 s timeout. Three of each keep one coordinator per broker.
        builder.setConfigProp("offsets.topic.num.partitions", "3");
        builder.setConfigProp("transaction.state.log.num.partitions", "3");
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        log.info(
                "test cluster of {} brokers ready at {} in {} ms",
                brokers,
                cluster.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000);
        return new TestStack(cluster, Files.createTempDirectory("bilateral-test-registry-"));
    }

    /**
     * Stops broker {@code nodeId} at once, as a crash would look to clients: its connections drop and its partitions
     * move to the other replicas.
     */
    public void stopBroker(int nodeId) {
        var broker = cluster.brokers().get(nodeId);
        if (broker == null) {
            throw new IllegalArgumentException(
                    "no broker " + nodeId + "; brokers are " + cluster.brokers().keySet());
        }
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** The in-JVM broker, e.g. {@code localhost:41234}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * The Confluent-compatible URL of the shared registry, e.g. {@code http://127.0.0.1:41235/apis/ccompat/v7};
     * starts the registry on the first call (a few seconds). Compatibility is BACKWARD.
     *
     * @throws IllegalStateException if the registry runner jar has not been built
     */
    public synchronized String registryUrl() {
        checkOpen();
        if (registry == null) {
            try {
                LocalRegistry started = new LocalRegistry(
                        new StackLayout(registryDir),
                        freePort(),
                        LocalRegistry.findRunnerJar(LocalRegistry.locateRepoRoot()));
                started.start(REGISTRY_START_TIMEOUT);
                registry = started;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test registry in " + registryDir, e);
            }
        }
        return registry.url();
    }

    /**
     * Creates a topic with one replica and waits until it exists.
     *
     * @param configs topic configs, e.g. {@code Map.of("cleanup.policy", "compact")}
     */
    public void createTopic(String name, int partitions, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
            admin.createTopics(List.of(topic)).all().get();
        }
    }

    /** Stops registry and broker and deletes their data; called by JUnit at the end of the test run. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (registry != null) {
                registry.stop(REGISTRY_STOP_TIMEOUT);
            }
        } finally {
            try {
                closeCluster();
            } finally {
                deleteRecursively(registryDir);
            }
        }
        log.info("test stack closed");
    }

    private void closeCluster() throws IOException {
        try {
            cluster.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the test broker", e);
        } catch (Exception e) {
            throw new IOException("stopping the test broker failed", e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.warn("closing the test stack at JVM exit failed", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the test stack is closed");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
