package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real thing: a broker process, the Apicurio registry process and a service process on free ports,
 * stopped and restarted on the same data. Needs {@code registry-runner/target/*-runner.jar}.
 */
class LocalStackIT {

    private static final Logger log = LoggerFactory.getLogger(LocalStackIT.class);
    private static final String TOPIC = "it.records";
    private static final String SUBJECT = TOPIC + "-value";
    private static final String SCHEMA =
            "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"text\",\"type\":\"string\"}]}";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dir;

    private int[] ports;
    private LocalStack stack;
    private ServiceSpec service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void configure() throws IOException {
        ports = freePorts(4);
        stack = newStack();
        service = new ServiceSpec(
                "healthy-service",
                HealthyService.class.getName(),
                List.of(String.valueOf(ports[3])),
                Map.of(),
                URI.create("http://127.0.0.1:" + ports[3] + "/health"));
    }

    @AfterEach
    void tearDown() throws IOException {
        stack.down(true);
    }

    @Test
    void shouldKeepRecordsAndSchemaIdsAcrossARestartAndLeaveNothingRunning() throws Exception {
        timed("first up", () -> stack.up(List.of(service)));
        Map<String, Long> firstPids = stack.running();
        assertThat(firstPids).containsOnlyKeys("broker", "registry", "healthy-service");

        produce("k1", "v1");
        assertThat(consumeAll()).containsExactly("k1=v1");
        int schemaId = register(SCHEMA);
        assertThat(get("/config")).contains("BACKWARD");

        // a second up, as from another JVM, reuses what runs
        timed("up while running", () -> newStack().up(List.of(service)));
        assertThat(stack.running()).isEqualTo(firstPids);

        timed("down", () -> stack.down(false));
        assertThat(stack.running()).isEmpty();
        firstPids
                .values()
                .forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("pid %s", pid)
                        .isEmpty());

        timed("restart", () -> stack.up());
        assertThat(consumeAll()).containsExactly("k1=v1");
        assertThat(get("/schemas/ids/" + schemaId)).contains("Probe");
        assertThat(register(SCHEMA)).isEqualTo(schemaId);

        List<Long> secondPids = new ArrayList<>(stack.running().values());
        timed("down --purge", () -> stack.down(true));
        assertThat(dir.resolve("data")).doesNotExist();
        secondPids.forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("pid %s", pid)
                .isEmpty());
    }

    private void produce(String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Everything in the topic from the beginning, as key=value, polled until the end offset is reached. */
    private List<String> consumeAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30))
                    .get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end) {
                assertThat(System.nanoTime() - deadline)
                        .as("reading %s up to offset %d", TOPIC, end)
                        .isNegative();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r.key() + "=" + r.value());
                }
            }
        }
        return records;
    }

    private int register(String schema) throws Exception {
        String body = "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stack.registryUrl() + "/subjects/" + SUBJECT + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Integer.parseInt(id.group(1));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private LocalStack newStack() {
        return LocalStack.builder(dir.resolve("data"))
                .brokerPort(ports[0])
                .controllerPort(ports[1])
                .registryPort(ports[2])
                .build();
    }

    private static void timed(String what, IoAction action) throws Exception {
        long begin = System.nanoTime();
        action.run();
        log.info("{} took {} ms", what, (System.nanoTime() - begin) / 1_000_000);
    }

    /** Distinct free ports: all sockets are held open until every port is chosen. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws Exception;
    }
}
