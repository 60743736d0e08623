package io.bilateral.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilateral.config.Settings;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service with a feed served locally: the poller runs inside {@link IngestService}, new items reach the
 * real broker as they appear in the feed, and {@code /readyz} sees the real broker and registry.
 */
@ExtendWith(TestStackExtension.class)
class FeedIT {

    @TempDir
    Path dir;

    private static String rss(List<Integer> items) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>IT wire</title>");
        for (int n : items) {
            xml.append("<item><title>Feed story ")
                    .append(n)
                    .append("</title><guid>it-")
                    .append(n)
                    .append("</guid><pubDate>Sun, 05 Dec 2021 12:11:00 GMT</pubDate><description>Iran and Uzbekistan, ")
                    .append("report ")
                    .append(n)
                    .append(".</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Test
    void shouldPublishFeedItemsAsTheyAppear(TestStack stack) throws Exception {
        try (LocalWebServer web = new LocalWebServer()) {
            AtomicReference<String> feed = new AtomicReference<>(rss(List.of(2, 1)));
            web.route("/it.xml", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                LocalWebServer.send(exchange, 200, feed.get().getBytes());
            });
            Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                    allow: [127.0.0.1]
                    sources:
                      - {name: it-wire, url: "%s", country: IRN, pollInterval: 10s}
                    """.formatted(web.uri("/it.xml")));
            Settings settings = Settings.of(Map.of(
                    "kafka.bootstrap.servers", stack.bootstrapServers(),
                    "registry.url", stack.registryUrl(),
                    "http.port", "0",
                    "feeds.sources.file", sources.toString(),
                    "feeds.state.dir", dir.resolve("state").toString()));
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                TopicProvisioner.fromSettings(admin, settings).provision();
            }
            try (IngestService service = IngestService.start(settings);
                    KafkaConsumer<String, RawArticle> consumer = consumer(settings)) {
                Map<String, RawArticle> read = new HashMap<>();
                awaitTitles(consumer, read, List.of("Feed story 1", "Feed story 2"));
                feed.set(rss(List.of(3, 2, 1)));
                awaitTitles(consumer, read, List.of("Feed story 3"));

                RawArticle third = read.get("Feed story 3");
                assertEquals("feed:it-wire", third.getOrigin());
                assertEquals("IRN", third.getSourceCountry());
                assertEquals("it-wire", third.getSource());
                assertEquals(3, read.size(), "every item published once: " + read.keySet());
                assertTrue(Files.exists(dir.resolve("state/cursors/it-wire.json")));

                HttpResponse<String> ready = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(service.uri() + "/readyz"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
            }
        }
    }

    private static KafkaConsumer<String, RawArticle> consumer(Settings settings) {
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(
                config,
                topics.rawArticles().keySerde().deserializer(),
                topics.rawArticles().valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TopicNames.RAW_ARTICLES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Reads records of this feed until every title is seen, failing after 60 s. */
    private static void awaitTitles(
            KafkaConsumer<String, RawArticle> consumer, Map<String, RawArticle> read, List<String> titles) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!read.keySet().containsAll(titles) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, RawArticle> record : consumer.poll(Duration.ofMillis(200))) {
                if ("feed:it-wire".equals(record.value().getOrigin())) {
                    RawArticle previous = read.put(record.value().getTitle(), record.value());
                    assertEquals(
                            null, previous, "published twice: " + record.value().getTitle());
                }
            }
        }
        assertTrue(read.keySet().containsAll(titles), "read " + read.keySet() + ", wanted " + titles);
    }
}
