package io.bilateral.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilateral.config.Settings;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.serde.AvroJson;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import io.bilateral.topics.Topic;
import io.bilateral.topics.TopicTableReader;
import io.bilateral.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole enrich-service on a real broker and the real registry: the five seed articles in (twice, and a poison
 * record between), one event per happening out, pair summaries counting each report once, the poison record in the
 * DLQ, the query API answering from the state stores.
 */
@ExtendWith(TestStackExtension.class)
class RelationsPipelineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> SEEDS = List.of(
            "000_600784257c125a02",
            "001_13beb62d9077d9a8",
            "002_209c1dd2b27bd5af",
            "003_4776d62a20950e61",
            "004_c0d5be32047a8333");

    @Test
    void shouldTurnTheSeedsIntoOneEventPerHappeningAndRouteAPoisonRecordToTheDlq(TestStack stack, @TempDir Path state)
            throws Exception {
        Settings settings = EnrichInstance.settings(
                stack.bootstrapServers(), stack.registryUrl(), "pipeline-it-" + UUID.randomUUID(), state, Map.of());
        EnrichInstance.provisionTopics(settings);
        try (EnrichInstance instance = EnrichInstance.start(settings)) {
            Topics topics = instance.topics;
            assertThat(instance.awaitRunning(DEADLINE)).as("streams running").isTrue();
            assertThat(instance.events.awaitPositioned(DEADLINE))
                    .as("event stream positioned")
                    .isTrue();
            SseClient sse = SseClient.open(instance.url("/events/stream?country=UZB"));

            Instant published = Instant.now();
            publishSeeds(stack, topics, settings);
            publishPoison(stack);
            publishSeeds(stack, topics, settings); // exact re-delivery: must not count again

            Map<String, PairSummary> pairs = readUntil(
                    stack,
                    topics.relationPairs(),
                    t -> t.containsKey("IRN-UZB")
                            && t.get("IRN-UZB").getArticleCount() == 3
                            && t.containsKey("IRN-TJK")
                            && t.containsKey("IRN-KGZ"));
            assertThat(pairs.get("IRN-UZB").getEventCount()).isEqualTo(1);
            assertThat(pairs.get("IRN-TJK").getCooperationCount()).isGreaterThanOrEqualTo(1);
            assertThat(pairs.keySet()).doesNotContain("CHN-IRN", "GBR-IRN", "IRN-ISR", "IRN-RUS");

            Map<String, RelationshipEvent> events = readUntil(
                    stack,
                    topics.relationEvents(),
                    t -> t.values().stream().anyMatch(e -> e.getPairId().equals("IRN-UZB") && e.getNumArticles() == 3));
            List<RelationshipEvent> uzb = events.values().stream()
                    .filter(e -> e.getPairId().equals("IRN-UZB"))
                    .toList();
            assertThat(uzb).singleElement().satisfies(e -> {
                assertThat(e.getNumArticles()).isEqualTo(3);
                assertThat(e.getSources()).hasSize(3);
            });

            List<ConsumerRecord<byte[], byte[]>> dead = readRaw(stack, "news.dlq", 1);
            assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(header(dead.get(0), "__streams.errors.exception")).contains("SerializationException");
            assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("news.articles.raw");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("definitely not avro");

            JsonNode streamed = sse.awaitEvent(e -> e.path("pairId").asText().equals("IRN-UZB"), DEADLINE);
            System.out.printf(
                    "SSE: first IRN-UZB event %d ms after the articles were published%n",
                    Duration.between(published, sse.receivedAt()).toMillis());
            assertThat(streamed.path("actor1Country").asText()
                            + streamed.path("actor2Country").asText())
                    .contains("UZB");
            sse.close();

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(instance.url("/pairs/IRN-UZB")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode summary = AvroJson.mapper().readTree(response.body());
            assertThat(summary.path("articleCount").asInt()).isEqualTo(3);
        }
    }

    private static void publishSeeds(TestStack stack, Topics topics, Settings settings) throws IOException {
        Map<String, Object> props = producerProps(stack);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                props,
                topics.rawArticles().keySerde().serializer(),
                topics.rawArticles().valueSerde().serializer())) {
            for (String seed : SEEDS) {
                String text;
                try (InputStream in = RelationsPipelineIT.class.getResourceAsStream("/samples/" + seed + ".txt")) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                int newline = text.indexOf('\n'); // seed 002 is one line: no title
                RawArticle article = RawArticle.newBuilder()
                        .setId(seed)
                        .setTitle(newline < 0 ? "" : text.substring(0, newline).strip())
                        .setBody(text.substring(newline + 1).strip())
                        .setIngestedAt(Instant.now())
                        .setOrigin("file:" + seed)
                        .build();
                producer.send(new ProducerRecord<>(topics.rawArticles().name(), seed, article));
            }
            producer.flush();
        }
    }

    private static void publishPoison(TestStack stack) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerProps(stack), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    "news.articles.raw",
                    "poison".getBytes(StandardCharsets.UTF_8),
                    "definitely not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    private static Map<String, Object> producerProps(TestStack stack) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static Map<String, Object> consumerProps(TestStack stack) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    private static <V> Map<String, V> readUntil(
            TestStack stack, Topic<String, V> topic, Predicate<Map<String, V>> done) {
        return new TopicTableReader(Map.of("bootstrap.servers", stack.bootstrapServers()))
                .readUntil(topic, done, DEADLINE, "the expected results");
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(TestStack stack, String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerProps(stack), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count) {
                assertThat(Instant.now()).as("deadline for %s", topic).isBefore(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
