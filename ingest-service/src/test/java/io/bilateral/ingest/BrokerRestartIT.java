package io.bilateral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.config.Settings;
import io.bilateral.ingest.config.IngestSettings;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.schemas.RawArticle;
import io.bilateral.stack.BrokerConfig;
import io.bilateral.stack.BrokerMain;
import io.bilateral.stack.JavaCommand;
import io.bilateral.stack.ManagedProcess;
import io.bilateral.stack.Readiness;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import io.bilateral.topics.TopicProvisioner;
import io.bilateral.topics.TopicTableReader;
import io.bilateral.topics.Topics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and comes back while articles are posted: every article answered 202 is in Kafka, and while the
 * broker is away the API answers 503 instead of accepting what it cannot store. The broker is a real BrokerMain
 * process, stopped with SIGTERM and started again on the same data directory.
 */
@ExtendWith(TestStackExtension.class)
class BrokerRestartIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldStoreEveryAcceptedArticleAndRefuseWhileTheBrokerIsDown(TestStack shared, @TempDir Path dir)
            throws Exception {
        BrokerConfig broker = new BrokerConfig(dir.resolve("kafka"), freePort(), freePort(), Map.of());
        ManagedProcess process = startBroker(broker, dir);
        Settings settings = Settings.of(Map.of(
                "kafka.bootstrap.servers",
                broker.bootstrapServers(),
                "registry.url",
                shared.registryUrl(),
                IngestSettings.HTTP_HOST,
                "127.0.0.1",
                IngestSettings.HTTP_PORT,
                "0",
                IngestSettings.HTTP_ACK_TIMEOUT,
                "3s"));
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            TopicProvisioner.fromSettings(admin, settings).provision();
        }
        List<String> accepted = new ArrayList<>();
        try (IngestService service = IngestService.start(settings)) {
            URI articles = service.uri().resolve("/articles");
            accepted.add(acceptedId(post(articles, 1)));

            assertThat(process.stop(Duration.ofSeconds(30)))
                    .as("broker stopped")
                    .isTrue();
            HttpResponse<String> refused = post(articles, 2);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);

            process = startBroker(broker, dir);
            HttpResponse<String> again = post(articles, 3);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (again.statusCode() == 503 && Instant.now().isBefore(deadline)) {
                again = post(articles, 3); // the producer reconnects on its own; 503 until it has
            }
            // a 503'd attempt may still have been delivered once the broker returned: then this one is a duplicate
            accepted.add(
                    again.statusCode() == 200
                            ? JSON.readTree(again.body()).path("id").asText()
                            : acceptedId(again));
        } finally {
            process.stop(Duration.ofSeconds(30));
        }

        process = startBroker(broker, dir);
        try {
            Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
            Map<String, RawArticle> stored = new TopicTableReader(settings.kafkaProperties())
                    .readUntil(
                            topics.rawArticles(), t -> t.keySet().containsAll(accepted), DEADLINE, "accepted articles");
            assertThat(stored.keySet()).containsAll(accepted);
        } finally {
            process.stop(Duration.ofSeconds(30));
        }
    }

    private static ManagedProcess startBroker(BrokerConfig broker, Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ManagedProcess process = ManagedProcess.start(
                JavaCommand.mainClass(BrokerMain.class.getName(), broker.toArgs())
                        .withClasspath(classpath)
                        .withJvmArgs(List.of("-Xmx512m")),
                dir.resolve("broker.pid"),
                dir.resolve("broker.log"));
        Readiness.of("test broker", dir.resolve("broker.log"), DEADLINE)
                .watching(process.handle())
                .awaitBroker(broker.bootstrapServers());
        return process;
    }

    private HttpResponse<String> post(URI uri, int n) throws Exception {
        Map<String, String> article = new HashMap<>(Map.of(
                "title",
                "Restart test " + n,
                "body",
                "Iran and Uzbekistan signed agreement number " + n + " on customs cooperation."));
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String acceptedId(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        return body.path("id").asText();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
