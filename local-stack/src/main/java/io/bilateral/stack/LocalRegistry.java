package io.bilateral.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schema registry of the local stack: Apicurio Registry (built by the {@code registry-runner}
 * module) as a background process on 127.0.0.1, serving the Confluent Schema Registry API at
 * {@link #url()}. Schemas are stored in an H2 file under {@link StackLayout#registryDir()}, so schema ids
 * survive restarts, as the records that carry them do. Global compatibility is set to BACKWARD on every
 * start (Apicurio's default is NONE).
 */
public final class LocalRegistry {

    /** Process name: {@code logs/registry.log}, {@code pids/registry.pid}. */
    public static final String NAME = "registry";
    /** System property naming the repository root, under which {@code registry-runner/target/} is found. */
    public static final String REPO_ROOT_PROPERTY = "bilateral.repo.root";

    public static final int DEFAULT_PORT = 8081;

    private static final String HOST = Launcher.HOST;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String RUNNER_DIR = "registry-runner";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /**
     * It answers a handful of requests, so start-up time matters, not peak speed: C1 only brings it up in
     * 2-3 s instead of 5-6 s on two busy cores, with 210 MB RSS instead of 255 MB (measured).
     */
    private static final List<String> JVM_ARGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final StackLayout layout;
    private final int port;
    private final Path runnerJar;

    /**
     * @param layout where the database, log and pid file go
     * @param port HTTP port on 127.0.0.1
     * @param runnerJar the Apicurio runner jar, see {@link #findRunnerJar(Path)}
     */
    public LocalRegistry(StackLayout layout, int port, Path runnerJar) {
        this.layout = layout;
        this.port = port;
        this.runnerJar = runnerJar;
    }

    /**
     * The repository root: the {@value #REPO_ROOT_PROPERTY} system property if set, else the working
     * directory; from there the nearest directory (itself or a parent) that holds {@code registry-runner/},
     * so tests running in a module directory find it too.
     */
    public static Path locateRepoRoot() {
        Path start = Path.of(System.getProperty(REPO_ROOT_PROPERTY, System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(RUNNER_DIR))) {
                return dir;
            }
        }
        return start;
    }

    /**
     * The runner jar {@code registry-runner/target/*-runner.jar} under {@code repoRoot}.
     *
     * @throws IllegalStateException naming the build command when the jar has not been built
     */
    public static Path findRunnerJar(Path repoRoot) throws IOException {
        Path target = repoRoot.resolve(RUNNER_DIR).resolve("target");
        Optional<Path> jar = Optional.empty();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                        .findFirst();
            }
        }
        return jar.orElseThrow(() -> new IllegalStateException("no Apicurio runner jar in " + target
                + "; build it with: mvn -B -pl " + RUNNER_DIR + " install (in " + repoRoot + ")"));
    }

    /** The Confluent-compatible base URL, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String url() {
        return url(port);
    }

    /** The base URL of a registry on {@code port}, without needing an instance. */
    public static String url(int port) {
        return "http://" + HOST + ":" + port + "/apis/ccompat/v7";
    }

    public boolean isRunning() throws IOException {
        return ManagedProcess.isRunning(layout.pidFile(NAME));
    }

    /**
     * Starts the registry unless it already runs, waits until it answers and sets BACKWARD compatibility.
     * A registry that was started now but does not come up is stopped again.
     *
     * @throws NotReadyException if it does not answer within {@code timeout}
     * @throws IllegalStateException if the port is taken by another process
     */
    public void start(Duration timeout) throws IOException {
        awaitReady(launch(new Launcher(layout, timeout, STOP_TIMEOUT)));
    }

    /** Starts the process unless it runs, without waiting; {@link #awaitReady} finishes the start. */
    Launcher.Launch launch(Launcher launcher) throws IOException {
        return launcher.launch(NAME, command(), List.of(port));
    }

    void awaitReady(Launcher.Launch launch) throws IOException {
        URI subjects = URI.create(url() + "/subjects");
        launch.awaitReady(readiness -> readiness.awaitHttpOk(subjects));
        setBackwardCompatibility();
    }

    /** Stops the registry if it runs; returns whether it did. */
    public boolean stop(Duration timeout) throws IOException {
        return ManagedProcess.stop(layout.pidFile(NAME), timeout);
    }

    JavaCommand command() {
        String database = "jdbc:h2:file:" + layout.registryDir().resolve("db");
        List<String> jvmArgs = Stream.concat(
                        JVM_ARGS.stream(), Stream.of("-Dquarkus.http.host=" + HOST, "-Dquarkus.http.port=" + port))
                .toList();
        return JavaCommand.jar(runnerJar, List.of())
                .withJvmArgs(jvmArgs)
                .withEnv(Map.of("REGISTRY_DATASOURCE_URL", database));
    }

    private void setBackwardCompatibility() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting compatibility at " + url(), e);
        }
        if (response.statusCode() != 200 || !response.body().contains("BACKWARD")) {
            throw new IOException("setting BACKWARD compatibility at " + url() + "/config failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }
}
