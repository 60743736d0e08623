package io.bilateral.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestStackExtension.class)
class SharedTestStackIT {

    private static TestStack fromBeforeAll;

    @BeforeAll
    static void remember(TestStack stack) {
        fromBeforeAll = stack;
    }

    @Test
    void shouldShareOneStackAcrossTheTestRun(TestStack stack) {
        assertThat(stack).isSameAs(fromBeforeAll);
    }

    /** Transactions and consumer groups need the single-node replication settings of their internal topics. */
    @Test
    void shouldCommitTransactionsAndConsumerGroupOffsets(TestStack stack) throws Exception {
        stack.createTopic("teststack.tx", 1, Map.of());
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "teststack-tx",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                30_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("teststack.tx", "k", "committed"));
            producer.commitTransaction();
        }

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "teststack-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("teststack.tx"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty()) {
                assertThat(System.nanoTime() - deadline)
                        .as("a record within 30 s")
                        .isNegative();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
        }
        assertThat(values).containsExactly("committed");
    }

    @Test
    void shouldCreateTopicsWithTheGivenConfigs(TestStack stack) throws Exception {
        stack.createTopic("teststack.compacted", 3, Map.of("cleanup.policy", "compact"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "teststack.compacted");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            int partitions = admin.describeTopics(List.of("teststack.compacted"))
                    .allTopicNames()
                    .get()
                    .get("teststack.compacted")
                    .partitions()
                    .size();

            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(partitions).isEqualTo(3);
        }
    }

    @Test
    void shouldServeABackwardCompatibleRegistry(TestStack stack) throws Exception {
        String url = stack.registryUrl();
        HttpClient http = HttpClient.newHttpClient();
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"T\\\",\\\"fields\\\":[]}";
        HttpRequest register = HttpRequest.newBuilder(URI.create(url + "/subjects/teststack-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}"))
                .build();

        HttpResponse<String> registered = http.send(register, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> config = http.send(
                HttpRequest.newBuilder(URI.create(url + "/config")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(url).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).matches("\\{\"id\":\\d+}");
        assertThat(config.body()).contains("BACKWARD");
        assertThat(stack.registryUrl()).isEqualTo(url);
    }
}
