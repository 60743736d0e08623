package io.bilateral.stack;

import java.util.List;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real Kafka broker in KRaft combined mode (broker and controller in one node) in this JVM until
 * SIGTERM. Formats the data directory on first start; later starts keep its topics. Arguments are
 * described in {@link BrokerConfig}, e.g. {@code --data-dir data/kafka --port 9092 --controller-port 9093}.
 */
public final class BrokerMain {

    private static final Logger log = LoggerFactory.getLogger(BrokerMain.class);

    private BrokerMain() {}

    public static void main(String[] args) {
        try {
            run(BrokerConfig.parse(List.of(args), System.getProperties()));
        } catch (Exception e) {
            log.error("broker failed", e);
            // non-zero exit, so whoever waits for the broker sees it died instead of waiting out a timeout
            System.exit(1);
        }
    }

    static void run(BrokerConfig config) throws Exception {
        KafkaConfig kafkaConfig = new KafkaConfig(config.brokerProperties());
        if (config.clusterId().isPresent()) {
            KraftStorage.formatIfNeeded(kafkaConfig, config.clusterId().get());
        } else {
            KraftStorage.formatIfNeeded(kafkaConfig);
        }
        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        // registered before startup so that a SIGTERM during startup also shuts down cleanly
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("stopping broker");
                            server.shutdown();
                            log.info("broker stopped");
                        },
                        "broker-shutdown"));
        long start = System.nanoTime();
        server.startup();
        log.info(
                "broker started in {} ms on {} (controller port {}), data in {}",
                (System.nanoTime() - start) / 1_000_000,
                config.bootstrapServers(),
                config.controllerPort(),
                config.dataDir());
        server.awaitShutdown();
    }
}
