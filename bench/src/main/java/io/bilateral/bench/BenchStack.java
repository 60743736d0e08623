package io.bilateral.bench;

import io.bilateral.config.Settings;
import io.bilateral.stack.ClasspathSnapshot;
import io.bilateral.stack.JavaCommand;
import io.bilateral.stack.LocalStack;
import io.bilateral.stack.ManagedProcess;
import io.bilateral.stack.Readiness;
import io.bilateral.stack.StackLayout;
import io.bilateral.topics.TopicProvisioner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The benchmark's own stack: a broker ({@code BrokerMain} in its own JVM) and a registry on free ports, in a fresh
 * temporary data directory that {@link #close()} deletes (unless kept), plus the applications under test, each a
 * separate JVM so that its memory and CPU time are its own. Everything runs from a copy of the project's build
 * outputs, so a rebuild during the run cannot change the code under test.
 */
final class BenchStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final String classpath;
    private final boolean keep;
    private final List<Service> services = new ArrayList<>();
    private final Thread cleanup;

    /** A started application: its process, log and GC log. */
    record Service(String name, ManagedProcess process, Path log, Path gcLog, int httpPort) {
        long pid() {
            return process.pid();
        }
    }

    private BenchStack(LocalStack stack, String classpath, boolean keep) {
        this.stack = stack;
        this.classpath = classpath;
        this.keep = keep;
        // Ctrl-C must not leave a broker behind: its processes run in their own sessions
        this.cleanup = new Thread(this::down, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    static BenchStack start(Path repoRoot, String classpath, boolean keep) throws IOException {
        Path dataDir = Files.createTempDirectory("bilateral-bench-");
        String snapshot = ClasspathSnapshot.of(classpath, repoRoot, dataDir.resolve("app"));
        Set<Integer> ports = new HashSet<>();
        LocalStack stack = LocalStack.builder(dataDir)
                .brokerPort(freePort(ports))
                .controllerPort(freePort(ports))
                .registryPort(freePort(ports))
                .repoRoot(repoRoot)
                .classpath(snapshot)
                .startTimeout(START_TIMEOUT)
                .build();
        BenchStack bench = new BenchStack(stack, snapshot, keep);
        try {
            stack.up();
            bench.provisionTopics();
            return bench;
        } catch (IOException | RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    String registryUrl() {
        return stack.registryUrl();
    }

    StackLayout layout() {
        return stack.layout();
    }

    long brokerPid() throws IOException {
        Long pid = stack.running().get(LocalStack.BROKER);
        if (pid == null) {
            throw new IllegalStateException("the broker is not running; see " + layout().logFile(LocalStack.BROKER));
        }
        return pid;
    }

    /** Client settings for this stack, as the services get them. */
    Settings settings() {
        return Settings.of(Map.of("kafka.bootstrap.servers", bootstrapServers(), "registry.url", registryUrl()));
    }

    /**
     * Starts {@code mainClass} as service {@code name} with {@code BILATERAL_*} settings and JVM arguments, logging GC
     * to {@code logs/<name>-gc.log}, and waits until {@code GET /readyz} on its HTTP port answers 200.
     */
    Service startService(String name, String mainClass, Map<String, String> settings, List<String> jvmArgs)
            throws IOException {
        int httpPort = freePort(new HashSet<>());
        Map<String, String> env = new HashMap<>();
        env.put("BILATERAL_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("BILATERAL_REGISTRY_URL", registryUrl());
        env.put("BILATERAL_HTTP_PORT", String.valueOf(httpPort));
        env.put(
                "BILATERAL_STATE_DIR",
                layout().root().resolve("streams-" + name).toString());
        settings.forEach((key, value) -> env.put(Settings.environmentVariableFor(key), value));
        Path gcLog = layout().logsDir().resolve(name + "-gc.log");
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-Xlog:gc:file=" + gcLog);
        JavaCommand command = JavaCommand.mainClass(mainClass, List.of())
                .withClasspath(classpath)
                .withJvmArgs(args)
                .withEnv(env);
        ManagedProcess process = ManagedProcess.start(command, layout().pidFile(name), layout().logFile(name));
        Service service = new Service(name, process, layout().logFile(name), gcLog, httpPort);
        services.add(service);
        Readiness.of(name, service.log(), START_TIMEOUT)
                .watching(process.handle())
                .awaitHttpOk(URI.create("http://127.0.0.1:" + httpPort + "/readyz"));
        return service;
    }

    void stop(Service service) throws IOException {
        service.process().stop(STOP_TIMEOUT);
        services.remove(service);
    }

    private void provisionTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            TopicProvisioner.fromSettings(admin, settings()).provision();
            admin.createTopics(List.of(new NewTopic(PassthroughTopology.OUTPUT_TOPIC, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics: " + e, e);
        }
    }

    private void down() {
        try {
            for (Service service : List.copyOf(services)) {
                service.process().stop(STOP_TIMEOUT);
            }
            services.clear();
            stack.down(!keep);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: cleaning up " + layout().root() + " failed: " + e);
        }
    }

    @Override
    public void close() {
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook runs anyway
        }
    }

    private static int freePort(Set<Integer> taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            }
        }
    }
}
