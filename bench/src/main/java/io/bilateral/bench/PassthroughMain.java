package io.bilateral.bench;

import com.sun.net.httpserver.HttpServer;
import io.bilateral.config.Settings;
import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.topics.Topics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passthrough baseline as a process of its own, configured exactly as the enrich-service is (the same
 * {@link EnrichConfig#streamsProperties()}, so exactly-once, the DLQ handlers and every {@code BILATERAL_KAFKA_*}
 * setting apply) but running {@link PassthroughTopology}. {@code GET /readyz} answers 200 once Kafka Streams runs.
 */
public final class PassthroughMain {

    private static final Logger log = LoggerFactory.getLogger(PassthroughMain.class);

    private PassthroughMain() {}

    public static void main(String[] args) throws Exception {
        EnrichConfig config = new EnrichConfig(Settings.fromProcess(EnrichConfig.DEFAULTS));
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(config.settings()));
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(
                PassthroughTopology.build(topics.rawArticles(), PassthroughTopology.OUTPUT_TOPIC),
                config.streamsProperties())) {
            HttpServer http = HttpServer.create(new InetSocketAddress(config.httpHost(), config.httpPort()), 0);
            http.createContext("/readyz", exchange -> {
                boolean running = streams.state() == KafkaStreams.State.RUNNING;
                byte[] body = (running ? "ready" : streams.state().toString()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(running ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            streams.setStateListener((now, before) -> {
                log.info("Kafka Streams {} -> {}", before, now);
                if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                    stopped.countDown();
                }
            });
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                streams.close(Duration.ofSeconds(30));
                                stopped.countDown();
                            },
                            "passthrough-shutdown"));
            http.start();
            streams.start();
            stopped.await();
            http.stop(0);
        }
    }
}
