package io.bilateral.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.config.Settings;
import io.bilateral.ingest.article.ArticleId;
import io.bilateral.ingest.config.IngestSettings;
import io.bilateral.ingest.files.FileIngest;
import io.bilateral.ingest.files.IngestReport;
import io.bilateral.ingest.files.ProgressListener;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.schemas.RawArticle;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import io.bilateral.topics.TopicNames;
import io.bilateral.topics.TopicProvisioner;
import io.bilateral.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ingest against a real KRaft broker and a real Apicurio registry: what is published can be read back and decoded by a
 * consumer that knows nothing but the registry's URL. Topics are provisioned as in production.
 */
@ExtendWith(TestStackExtension.class)
class IngestIT {

    private static Settings settings;

    @BeforeAll
    static void provisionTopics(TestStack stack) {
        settings = Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "registry.url",
                stack.registryUrl(),
                "http.host",
                "127.0.0.1",
                "http.port",
                "0"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.fromSettings(admin, settings).provision();
        }
    }

    @Test
    void shouldPublishTheSamplesSoThatAnyConsumerCanDecodeThem() {
        Path samples = Path.of(System.getProperty("bilateral.repo.root", "..")).resolve("samples");
        IngestReport report;
        try (ArticlePublisher publisher = ArticlePublisher.create(
                settings,
                Topics.create(HttpSchemaRegistryClient.fromSettings(settings)).rawArticles())) {
            report = FileIngest.from(IngestSettings.from(settings))
                    .ingest(List.of(samples), publisher, ProgressListener.NONE);
        }

        assertEquals("5 files: 5 published, 0 rejected, 0 duplicates, 1 skipped", report.summary());
        Set<String> ids = Set.copyOf(
                report.published().stream().map(IngestReport.Published::id).toList());
        Map<String, RawArticle> read = readBack(ids);
        assertThat(read.keySet()).isEqualTo(ids);
        read.forEach((key, article) -> {
            assertEquals(key, article.getId());
            assertEquals(ArticleId.forText(article.getTitle(), article.getBody()), key);
            assertThat(article.getOrigin()).startsWith("file:0");
        });
        assertThat(read.values())
                .extracting(RawArticle::getTitle)
                .contains(
                        "Iran, Uzbekistan Emphasize the Fight against the Spread of Terrorism, Extremism",
                        "Iranian, Kyrgyz officials discuss security cooperation");
        assertThat(read.values())
                .extracting(RawArticle::getPublished)
                .containsOnlyOnce(Instant.parse("2021-12-05T12:11:00Z"));
    }

    @Test
    void shouldAnswer202OnlyForArticlesThatAreOnTheTopic() throws Exception {
        try (IngestService service = IngestService.start(settings)) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(service.uri() + "/articles"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                            {"title":"Iran, Tajikistan discuss border security","body":"Dushanbe - officials met.",
                             "url":"https://example.com/it/1?utm_source=test","source":"Example","sourceCountry":"IRN",
                             "published":"2021-12-01T10:00:00+03:30"}"""))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(202, response.statusCode(), response.body());
            JsonNode answer = new ObjectMapper().readTree(response.body());
            String id = answer.get("id").asText();
            assertEquals(ArticleId.forUrl("https://example.com/it/1"), id);
            RawArticle article = readBack(Set.of(id)).get(id);
            assertEquals("https://example.com/it/1", article.getUrl());
            assertEquals("IRN", article.getSourceCountry());
            assertEquals(Instant.parse("2021-12-01T06:30:00Z"), article.getPublished());
            assertEquals("http", article.getOrigin());
        }
    }

    /** Reads the raw-articles topic from the start with a fresh registry client until every id is seen (30 s). */
    private static Map<String, RawArticle> readBack(Set<String> ids) {
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, RawArticle> found = new HashMap<>();
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(
                config,
                topics.rawArticles().keySerde().deserializer(),
                topics.rawArticles().valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TopicNames.RAW_ARTICLES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!found.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, RawArticle> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(record.key())) {
                        found.put(record.key(), record.value());
                    }
                }
            }
        }
        assertTrue(found.keySet().containsAll(ids), "read back " + found.keySet() + " of " + ids);
        return found;
    }
}
