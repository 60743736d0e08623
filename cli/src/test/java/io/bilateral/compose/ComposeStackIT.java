package io.bilateral.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production-like stack of {@code docker-compose.yml} end to end: Confluent Kafka (KRaft) and Schema Registry,
 * the kafka-init step, and both services built from this checkout. Posts one article to the ingest API and waits
 * until {@code relations.pairs} holds the pair it names.
 *
 * <p>Needs a Docker engine with the {@code docker compose} v2 plugin; without an engine the class is skipped
 * ({@code disabledWithoutDocker}). The images are built from the working tree, so the first run takes minutes.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    private static final Logger log = LoggerFactory.getLogger(ComposeStackIT.class);

    private static final String KAFKA = "kafka";
    private static final String REGISTRY = "schema-registry";
    private static final String INGEST = "ingest-service";
    private static final String ENRICH = "enrich-service";
    private static final int INGEST_PORT = 8080;
    private static final int REGISTRY_PORT = 8081;
    /** The broker's listener for other containers, as docker-compose.yml declares it. */
    private static final String INTERNAL_BOOTSTRAP = "kafka:29092";

    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Duration PIPELINE_DEADLINE = Duration.ofMinutes(3);

    /** An article written for this test: two countries, one act between them. */
    private static final String ARTICLE = """
            {"title": "Iran and Uzbekistan sign security cooperation agreement",
             "body": "TASHKENT - Iran and Uzbekistan signed an agreement on Wednesday to set up a joint security \
            committee. The secretary of Iran's Supreme National Security Council met his Uzbek counterpart in Tashkent, \
            and both sides pledged to cooperate against terrorism and drug trafficking.",
             "source": "Bilateral compose test",
             "url": "https://example.org/bilateral/compose-stack-it"}
            """;
    /** The key relations.pairs must carry for that article: sorted ISO 3166-1 alpha-3 codes. */
    private static final String EXPECTED_PAIR = "IRN-UZB";

    @Container
    static final ComposeContainer STACK = new ComposeContainer(composeFile())
            .withLocalCompose(true)
            .withBuild(true)
            // compose pulls what it needs itself; Testcontainers' own pre-pull cannot read the ${...} image tags
            .withPull(false)
            .withEnv(freeHostPorts())
            .waitingFor(KAFKA, healthy())
            .withExposedService(REGISTRY, REGISTRY_PORT, healthy())
            .withExposedService(INGEST, INGEST_PORT, healthy())
            .waitingFor(ENRICH, healthy())
            .withLogConsumer(INGEST, new Slf4jLogConsumer(log).withPrefix(INGEST))
            .withLogConsumer(ENRICH, new Slf4jLogConsumer(log).withPrefix(ENRICH))
            .withRemoveVolumes(true);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void shouldPublishPairSummaryWhenArticleIsPostedToIngestApi() throws Exception {
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(serviceUri(INGEST, INGEST_PORT, "/articles"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(ARTICLE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode())
                .as("POST /articles answered %s", posted.body())
                .isBetween(200, 299);

        String pairs = pollRelationsPairs();
        assertThat(pairs).as("keys on relations.pairs before the deadline").contains(EXPECTED_PAIR);

        HttpResponse<String> subjects = http.send(
                HttpRequest.newBuilder(serviceUri(REGISTRY, REGISTRY_PORT, "/subjects"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.body())
                .as("subjects in Confluent Schema Registry")
                .contains("news.articles.raw-value", "relations.pairs-value");
    }

    /**
     * Reads relations.pairs from the beginning with the broker image's own console consumer until the expected key
     * shows up or the deadline passes. Each read blocks for up to its --timeout-ms, which paces the loop; the value
     * is Avro, only the key (plain text, or an Avro string whose bytes are the same text) is looked at.
     */
    private static String pollRelationsPairs() throws IOException, InterruptedException {
        ContainerState kafka = STACK.getContainerByServiceName(KAFKA)
                .orElseThrow(() -> new IllegalStateException("no '" + KAFKA + "' service in the compose stack"));
        Instant deadline = Instant.now().plus(PIPELINE_DEADLINE);
        String seen = "";
        while (Instant.now().isBefore(deadline) && !seen.contains(EXPECTED_PAIR)) {
            ExecResult read = kafka.execInContainer(
                    "kafka-console-consumer",
                    "--bootstrap-server",
                    INTERNAL_BOOTSTRAP,
                    "--topic",
                    "relations.pairs",
                    "--from-beginning",
                    "--timeout-ms",
                    "5000",
                    "--property",
                    "print.key=true",
                    "--property",
                    "print.value=false");
            if (read.getExitCode() != 0) {
                // it exits 0 when --timeout-ms passes, so this is a real failure: stop instead of retrying in a loop
                throw new IllegalStateException("kafka-console-consumer in '" + KAFKA + "' exited with "
                        + read.getExitCode() + ": " + read.getStderr());
            }
            seen = read.getStdout();
        }
        return seen;
    }

    private static URI serviceUri(String service, int port, String path) {
        return URI.create(
                "http://" + STACK.getServiceHost(service, port) + ":" + STACK.getServicePort(service, port) + path);
    }

    private static WaitStrategy healthy() {
        return Wait.forHealthcheck().withStartupTimeout(STARTUP);
    }

    /**
     * Host ports for the stack's published ports, so the test neither collides with a local stack on the default
     * ports nor needs them free. The test itself reaches the services through Testcontainers' ambassador.
     */
    private static Map<String, String> freeHostPorts() {
        return Map.of(
                "KAFKA_HOST_PORT", freePort(),
                "REGISTRY_HOST_PORT", freePort(),
                "INGEST_HOST_PORT", freePort(),
                "ENRICH_HOST_PORT", freePort());
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the compose stack", e);
        }
    }

    /**
     * The repository's docker-compose.yml: failsafe passes the root as {@code bilateral.repo.root}; otherwise it is
     * looked for upwards from the working directory (an IDE run from the cli module).
     */
    private static File composeFile() {
        String root = System.getProperty("bilateral.repo.root");
        if (root != null && Files.isRegularFile(Path.of(root, "docker-compose.yml"))) {
            return Path.of(root, "docker-compose.yml").toFile();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir.resolve("docker-compose.yml").toFile();
            }
        }
        throw new IllegalStateException(
                "docker-compose.yml not found: set -Dbilateral.repo.root or run from the repository");
    }
}
