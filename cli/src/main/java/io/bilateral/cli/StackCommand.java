package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.stack.ClasspathSnapshot;
import io.bilateral.stack.LocalStack;
import io.bilateral.stack.ServiceSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./bilateral up|down|status}: the local stack in the background — broker, registry, ingest-service and
 * enrich-service — as processes found again through pid files under the data directory.
 */
final class StackCommand {

    static final String INGEST = "ingest-service";
    static final String ENRICH = "enrich-service";

    /** Where a stack remembers how many brokers it was created with, so a later plain {@code up} restarts them all. */
    static final String BROKERS_FILE = "brokers";

    private final Settings settings;
    private final PrintStream out;
    private int brokers;

    StackCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * The number of brokers: {@code requested} ({@code --brokers}) on a new data directory, else what the directory
     * was created with; asking a different number of an existing stack is an error (its nodes are formatted as one
     * cluster).
     */
    static int brokers(Path dataDir, Integer requested) {
        Path file = dataDir.resolve(BROKERS_FILE);
        try {
            Integer recorded =
                    Files.exists(file) ? Integer.valueOf(Files.readString(file).strip()) : null;
            if (requested != null && requested != 1 && requested != 3) {
                throw new UsageException("--brokers: " + requested + " is not supported; use 1 or 3");
            }
            if (recorded != null && requested != null && !recorded.equals(requested)) {
                throw new UsageException("--brokers " + requested + ": the stack in " + dataDir + " was created with "
                        + recorded + "; run ./bilateral down --purge first to start another one");
            }
            int count = recorded != null ? recorded : requested != null ? requested : 1;
            if (recorded == null && Files.isDirectory(dataDir.resolve("kafka")) && count != 1) {
                throw new UsageException("--brokers " + count + ": " + dataDir
                        + " already holds a one-broker stack; run ./bilateral down --purge first");
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack as configured; its processes run from the class path of this JVM. */
    LocalStack stack() {
        return stack(System.getProperty("java.class.path"));
    }

    private LocalStack stack(String classpath) {
        Path dataDir = Path.of(settings.string(CliSettings.DATA_DIR));
        if (brokers == 0) {
            brokers = brokers(dataDir, null);
        }
        return LocalStack.builder(dataDir)
                .brokers(brokers)
                .brokerPort(settings.integer(CliSettings.BROKER_PORT))
                .controllerPort(settings.integer(CliSettings.CONTROLLER_PORT))
                .registryPort(settings.integer(CliSettings.REGISTRY_PORT))
                .repoRoot(Path.of(settings.string(CliSettings.REPO_ROOT)))
                .classpath(classpath)
                .build();
    }

    /**
     * Starts whatever is not running: broker and registry, then the topics with their policies (before any service
     * writes to them), then ingest-service and enrich-service, each waited for until ready. New processes run from a
     * snapshot of the build outputs, so a rebuild cannot pull a jar from under them.
     */
    LocalStack startAll() {
        Path root = Path.of(settings.string(CliSettings.REPO_ROOT));
        Path dataDir = Path.of(settings.string(CliSettings.DATA_DIR));
        try {
            Files.createDirectories(dataDir);
            LocalStack stack = stack(
                    stack().running().isEmpty()
                            ? ClasspathSnapshot.of(System.getProperty("java.class.path"), root, dataDir.resolve("app"))
                            : System.getProperty("java.class.path"));
            out.println(
                    "Starting broker and schema registry in " + stack.layout().root() + " …");
            stack.up();
            Files.writeString(dataDir.resolve(BROKERS_FILE), brokers + "\n");
            TopicSetup.provision(clusterSettings(stack));
            out.println("Starting ingest-service and enrich-service …");
            stack.up(services(stack));
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings with the cluster's bootstrap servers and, on three brokers, topics created with three replicas of
     * which two must be in sync (unless set otherwise).
     */
    Settings clusterSettings(LocalStack stack) {
        Map<String, String> values = new HashMap<>(replicationSettings());
        values.putAll(settings.asMap());
        values.put("kafka.bootstrap.servers", stack.bootstrapServers());
        return Settings.of(values);
    }

    private Map<String, String> replicationSettings() {
        return brokers >= 3 ? Map.of("topics.replication.factor", "3", "topics.min.insync.replicas", "2") : Map.of();
    }

    /** The two services, told where broker, registry and their state live through BILATERAL_* variables. */
    List<ServiceSpec> services(LocalStack stack) {
        Map<String, String> common = new HashMap<>(Map.of(
                "BILATERAL_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "BILATERAL_REGISTRY_URL", stack.registryUrl()));
        replicationSettings().forEach((key, value) -> common.put(Settings.environmentVariableFor(key), value));
        if (brokers >= 3) {
            // Kafka Streams' internal topics (changelogs, repartition) with the same guarantees
            common.put("BILATERAL_KAFKA_REPLICATION_FACTOR", "3");
            common.put("BILATERAL_KAFKA_TOPIC_MIN_INSYNC_REPLICAS", "2");
        }
        int ingestPort = settings.integer(CliSettings.INGEST_PORT);
        int enrichPort = settings.integer(CliSettings.ENRICH_PORT);
        return List.of(
                new ServiceSpec(
                        INGEST,
                        "io.bilateral.ingest.App",
                        List.of(),
                        with(
                                common,
                                Map.of(
                                        "BILATERAL_HTTP_PORT",
                                        String.valueOf(ingestPort),
                                        "BILATERAL_FEEDS_STATE_DIR",
                                        stack.layout().root().resolve("feeds").toString())),
                        URI.create("http://127.0.0.1:" + ingestPort + "/healthz"),
                        io.bilateral.ingest.App.JVM_ARGS),
                new ServiceSpec(
                        ENRICH,
                        "io.bilateral.enrich.App",
                        List.of(),
                        with(
                                common,
                                Map.of(
                                        "BILATERAL_HTTP_PORT",
                                        String.valueOf(enrichPort),
                                        "BILATERAL_STATE_DIR",
                                        stack.layout().root().resolve("streams").toString())),
                        URI.create("http://127.0.0.1:" + enrichPort + "/readyz"),
                        io.bilateral.enrich.App.JVM_ARGS));
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    int up(List<String> argv) {
        Args args = Args.parse(argv, Set.of("brokers"), Set.of());
        Integer requested = args.option("brokers").map(StackCommand::count).orElse(null);
        brokers = brokers(Path.of(settings.string(CliSettings.DATA_DIR)), requested);
        printEndpoints(startAll());
        return 0;
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--brokers: '" + value + "' is not a number");
        }
    }

    void printEndpoints(LocalStack stack) {
        out.println((brokers > 1 ? "  brokers          " : "  broker           ") + stack.bootstrapServers());
        out.println("  schema registry  " + stack.registryUrl());
        out.println("  ingest API       http://127.0.0.1:" + settings.integer(CliSettings.INGEST_PORT) + "/articles");
        out.println("  relations API    http://127.0.0.1:" + settings.integer(CliSettings.ENRICH_PORT) + "/pairs");
        out.println("  dashboard        http://127.0.0.1:" + settings.integer(CliSettings.ENRICH_PORT) + "/");
        out.println("  logs             " + stack.layout().logsDir());
    }

    int down(List<String> argv) {
        Args args = Args.parse(argv, Set.of(), Set.of("purge"));
        LocalStack stack = stack();
        try {
            stack.down(args.flag("purge"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(
                args.flag("purge")
                        ? "Stopped; deleted " + stack.layout().root()
                        : "Stopped; data kept in " + stack.layout().root() + " (down --purge deletes it)");
        return 0;
    }

    int status(List<String> argv) {
        Args.parse(argv, Set.of(), Set.of());
        try {
            Map<String, Long> running = stack().running();
            if (running.isEmpty()) {
                out.println("Nothing is running.");
                return 3;
            }
            running.forEach((name, pid) -> out.printf("  %-16s pid %d%n", name, pid));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
