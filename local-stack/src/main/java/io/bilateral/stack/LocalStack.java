package io.bilateral.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack as background processes under one data directory (see {@link StackLayout}):
 * a Kafka broker ({@link BrokerMain}), the schema registry ({@link LocalRegistry}) and any project
 * services ({@link ServiceSpec}). Processes are found again through their pid files, so {@link #up} and
 * {@link #down} may run in different JVMs.
 *
 * <pre>{@code
 * LocalStack stack = LocalStack.builder(Path.of("data")).build();
 * stack.up(List.of(new ServiceSpec("ingest-service", "io.bilateral.ingest.App", List.of(),
 *         Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers()), URI.create("http://127.0.0.1:8080/health"))));
 * // ... later, possibly from another JVM:
 * stack.down(false);
 * }</pre>
 */
public final class LocalStack {

    /** Process name of the broker: {@code logs/broker.log}, {@code pids/broker.pid}. */
    public static final String BROKER = "broker";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** Marks a directory as created by the stack, so {@code down(true)} never deletes anything else. */
    private static final String MARKER = ".bilateral-stack";
    /**
     * Half of Kafka's production heap is plenty for a local broker on a shared machine. Kafka at INFO
     * writes about 1700 lines per start and stop, so only warnings and the project's own lines go to
     * broker.log. The slf4j-simple settings only take effect when the class path has that binding.
     */
    private static final List<String> BROKER_JVM_ARGS = List.of(
            "-Xmx512m",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.io.bilateral=info");

    private final StackLayout layout;
    /** Node 1 first; one entry for the usual one-node stack. */
    private final List<BrokerConfig> brokers;

    private final int registryPort;
    private final Path repoRoot;
    private final String classpath;
    private final Duration startTimeout;
    private final Duration stopTimeout;

    private LocalStack(Builder b) {
        this.layout = new StackLayout(b.dataDir);
        this.brokers = brokerConfigs(layout, b.brokers, b.brokerPort, b.controllerPort);
        this.registryPort = b.registryPort;
        this.repoRoot = b.repoRoot;
        this.classpath = b.classpath;
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
    }

    /** A stack keeping its data in {@code dataDir}, with default ports 9092, 9093 and 8081. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public StackLayout layout() {
        return layout;
    }

    /**
     * One broker as always, or a cluster of {@code count} KRaft nodes, each broker and controller: node {@code i} runs
     * as process {@code broker} ({@code i = 1}) or {@code broker-i}, keeps its data in {@code kafka} or {@code kafka-i}
     * and listens on the client and controller ports plus {@code 2 (i - 1)}, so 9092/9093, 9094/9095, 9096/9097.
     */
    static List<BrokerConfig> brokerConfigs(StackLayout layout, int count, int brokerPort, int controllerPort) {
        if (count < 1) {
            throw new IllegalArgumentException("brokers must be at least 1, got " + count);
        }
        if (count == 1) {
            return List.of(new BrokerConfig(layout.kafkaDir(), brokerPort, controllerPort, Map.of()));
        }
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(new int[] {brokerPort + 2 * i, controllerPort + 2 * i});
        }
        String clusterId = clusterId(layout);
        List<BrokerConfig> configs = new ArrayList<>();
        for (int node = 1; node <= count; node++) {
            Path dir = node == 1 ? layout.kafkaDir() : layout.root().resolve("kafka-" + node);
            configs.add(BrokerConfig.clusterNode(dir, node, ports, clusterId));
        }
        return List.copyOf(configs);
    }

    /** The process name of broker node {@code node} (1-based). */
    public static String brokerName(int node) {
        return node == 1 ? BROKER : BROKER + "-" + node;
    }

    /** The cluster id of a multi-node stack: made once and kept in the data directory, as every node needs it. */
    private static String clusterId(StackLayout layout) {
        Path file = layout.root().resolve("kafka-cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(layout.root());
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The brokers of this stack, node 1 first. */
    public List<BrokerConfig> brokers() {
        return brokers;
    }

    /** E.g. {@code 127.0.0.1:9092}, or every node of a cluster, comma-separated. */
    public String bootstrapServers() {
        return String.join(
                ",", brokers.stream().map(BrokerConfig::bootstrapServers).toList());
    }

    /** The Confluent-compatible registry URL, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String registryUrl() {
        return LocalRegistry.url(registryPort);
    }

    /** Starts (or reuses) broker and registry. */
    public void up() throws IOException {
        up(List.of());
    }

    /**
     * Starts whatever is not running yet: broker and registry together, then each of {@code services} in
     * order, each waited for before the next; parts that already run are reused (the ports must be the
     * ones they run on). On failure, parts that came up keep running; {@link #down} stops them.
     *
     * @throws NotReadyException if a part does not come up within the start timeout
     * @throws IllegalStateException if a port is taken by a process that is not ours, or the registry jar
     *     has not been built
     */
    public void up(List<ServiceSpec> services) throws IOException {
        for (Path dir : List.of(layout.kafkaDir(), layout.registryDir(), layout.logsDir(), layout.pidsDir())) {
            Files.createDirectories(dir);
        }
        Files.writeString(
                layout.root().resolve(MARKER), "data of ./bilateral up; ./bilateral down --purge deletes it\n");
        Launcher launcher = new Launcher(layout, startTimeout, stopTimeout);
        // looked up first: a missing registry jar should fail before anything starts
        LocalRegistry registry = registry();
        // brokers and registry do not need each other, and a cluster's nodes need each other to elect a
        // controller: start all, then wait
        List<Launcher.Launch> brokerLaunches = new ArrayList<>();
        for (int node = 1; node <= brokers.size(); node++) {
            BrokerConfig broker = brokers.get(node - 1);
            JavaCommand brokerCommand = JavaCommand.mainClass(BrokerMain.class.getName(), broker.toArgs())
                    .withClasspath(classpath)
                    .withJvmArgs(BROKER_JVM_ARGS);
            brokerLaunches.add(
                    launcher.launch(brokerName(node), brokerCommand, List.of(broker.port(), broker.controllerPort())));
        }
        Launcher.Launch registryLaunch = registry.launch(launcher);
        for (int i = 0; i < brokers.size(); i++) {
            String own = brokers.get(i).bootstrapServers();
            brokerLaunches.get(i).awaitReady(readiness -> readiness.awaitBroker(own));
        }
        registry.awaitReady(registryLaunch);
        for (ServiceSpec service : services) {
            JavaCommand command = JavaCommand.mainClass(service.mainClass(), service.args())
                    .withClasspath(classpath)
                    .withJvmArgs(service.jvmArgs())
                    .withEnv(service.env());
            URI health = service.healthUrl();
            List<Integer> ports = health != null && health.getPort() > 0 ? List.of(health.getPort()) : List.of();
            launcher.ensureRunning(service.name(), command, ports, readiness -> {
                if (health != null) {
                    readiness.awaitHttpOk(health);
                }
            });
        }
    }

    /** Running processes of this stack by name, with their pids. */
    public Map<String, Long> running() throws IOException {
        Map<String, Long> running = new TreeMap<>();
        for (String name : layout.recordedProcesses()) {
            ManagedProcess.find(layout.pidFile(name)).ifPresent(p -> running.put(name, p.pid()));
        }
        return running;
    }

    /** Stops everything, keeping the data. */
    public void down() throws IOException {
        down(false);
    }

    /**
     * Stops every process with a pid file: services first, then the registry, the broker last (services
     * may still be flushing to it). With {@code purge}, then deletes the data directory.
     *
     * @throws IllegalStateException on purge, if the directory was not created by {@link #up}
     */
    public void down(boolean purge) throws IOException {
        List<String> order = new ArrayList<>(layout.recordedProcesses());
        List<String> brokerNames = order.stream()
                .filter(name -> name.equals(BROKER) || name.startsWith(BROKER + "-"))
                .sorted()
                .toList();
        order.removeAll(brokerNames);
        order.remove(LocalRegistry.NAME);
        order.add(LocalRegistry.NAME);
        order.addAll(brokerNames);
        for (String name : order) {
            if (ManagedProcess.stop(layout.pidFile(name), stopTimeout)) {
                log.info("stopped {}", name);
            }
        }
        if (purge) {
            purge();
        }
    }

    private LocalRegistry registry() throws IOException {
        return new LocalRegistry(layout, registryPort, LocalRegistry.findRunnerJar(repoRoot));
    }

    private void purge() throws IOException {
        Path root = layout.root();
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.exists(root.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("refusing to delete " + root + ": it has no " + MARKER
                            + " file, so the local stack did not create it");
                }
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        log.info("deleted {}", root);
    }

    /** Ports, repository root (for the registry jar), class path and timeouts of a {@link LocalStack}. */
    public static final class Builder {
        private final Path dataDir;
        private int brokers = 1;
        private int brokerPort = BrokerConfig.DEFAULT_PORT;
        private int controllerPort = BrokerConfig.DEFAULT_CONTROLLER_PORT;
        private int registryPort = LocalRegistry.DEFAULT_PORT;
        private Path repoRoot;
        private String classpath = System.getProperty("java.class.path");
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(30);

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        public Builder brokerPort(int port) {
            this.brokerPort = port;
            return this;
        }

        /** How many broker nodes; default 1. See {@link #brokerConfigs} for their names and ports. */
        public Builder brokers(int count) {
            this.brokers = count;
            return this;
        }

        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        public Builder registryPort(int port) {
            this.registryPort = port;
            return this;
        }

        /** Where {@code registry-runner/target/} is; default {@link LocalRegistry#locateRepoRoot()}. */
        public Builder repoRoot(Path root) {
            this.repoRoot = root;
            return this;
        }

        /** Class path of the broker and service JVMs; default this JVM's {@code java.class.path}. */
        public Builder classpath(String path) {
            this.classpath = path;
            return this;
        }

        /** How long each part may take to come up; default 120 s (a cold JVM on two busy cores). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** How long each process may take to stop after SIGTERM before it is killed; default 30 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        public LocalStack build() {
            if (repoRoot == null) {
                repoRoot = LocalRegistry.locateRepoRoot();
            }
            return new LocalStack(this);
        }
    }
}
