package io.bilateral.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilateral.config.Settings;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.topics.ClientConfigs;
import io.bilateral.topics.Topic;
import io.bilateral.topics.TopicNames;
import io.bilateral.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./bilateral tail}: prints the records of a topic decoded through the registry, as JSON lines or as a short
 * human line each. Reads committed records only, as a downstream consumer would, without joining a consumer group.
 */
final class TailCommand {

    static final String USAGE = "tail --topic T [--pair IRN-UZB] [--from-beginning] [--until-idle SECONDS] [--json]";

    private final Settings settings;
    private final PrintStream out;
    private final AtomicBoolean stopped;

    TailCommand(Settings settings, PrintStream out, AtomicBoolean stopped) {
        this.settings = settings;
        this.out = out;
        this.stopped = stopped;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of("topic", "pair", "until-idle"), Set.of("from-beginning", "json"));
        String topicName = args.option("topic").orElseThrow(() -> new UsageException("--topic is required: " + USAGE));
        Optional<String> pair = args.option("pair").map(TailCommand::pairId);
        Optional<Duration> idle = args.seconds("until-idle").map(s -> Duration.ofMillis((long) (s * 1000)));
        boolean json = args.flag("json");

        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        Topic<?, ?> topic = find(topics, topicName);
        Map<String, Object> props = ClientConfigs.committedReader(settings.kafkaProperties());

        int printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new UsageException("topic " + topicName + " does not exist on " + props.get("bootstrap.servers"));
            }
            consumer.assign(partitions);
            if (args.flag("from-beginning")) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            RecordPrinter printer = new RecordPrinter(topic, out, json);
            Instant lastRecord = Instant.now();
            while (!stopped.get()) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    lastRecord = Instant.now();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Optional<ObjectNode> decoded = printer.decode(record);
                    if (pair.isEmpty()
                            || decoded.map(d -> RecordPrinter.concernsPair(topicName, record, d, pair.get()))
                                    .orElse(false)) {
                        printer.print(record, decoded);
                        printed++;
                    }
                }
                out.flush();
                if (idle.isPresent()
                        && Duration.between(lastRecord, Instant.now()).compareTo(idle.get()) >= 0) {
                    break;
                }
            }
        }
        if (!json) {
            out.println("-- " + printed + " record(s) from " + topicName);
        }
        return 0;
    }

    private static Topic<?, ?> find(Topics topics, String name) {
        return List.of(
                        topics.rawArticles(),
                        topics.enrichedArticles(),
                        topics.relationEvents(),
                        topics.relationPairs(),
                        topics.referenceActors(),
                        topics.dlq())
                .stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown topic '" + name + "'; one of "
                        + String.join(
                                ", ",
                                TopicNames.RAW_ARTICLES,
                                TopicNames.ENRICHED_ARTICLES,
                                TopicNames.RELATION_EVENTS,
                                TopicNames.RELATION_PAIRS,
                                TopicNames.REFERENCE_ACTORS,
                                TopicNames.DLQ)));
    }

    /** Accepts {@code UZB-IRN} or {@code irn-uzb} and returns the canonical sorted id {@code IRN-UZB}. */
    static String pairId(String text) {
        String[] parts = text.toUpperCase(Locale.ROOT).split("-");
        if (parts.length != 2 || !parts[0].matches("[A-Z]{3}") || !parts[1].matches("[A-Z]{3}")) {
            throw new UsageException("--pair: '" + text + "' is not two alpha-3 codes like IRN-UZB");
        }
        return parts[0].compareTo(parts[1]) <= 0 ? parts[0] + "-" + parts[1] : parts[1] + "-" + parts[0];
    }
}
