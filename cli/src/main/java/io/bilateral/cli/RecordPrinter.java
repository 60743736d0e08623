package io.bilateral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilateral.serde.AvroJson;
import io.bilateral.text.LogText;
import io.bilateral.topics.Topic;
import io.bilateral.topics.TopicNames;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Decodes raw records of a topic with its serde and prints them as JSON lines or short human lines. Every line is
 * printed with its control characters escaped ({@link LogText#escape}): a record must not be able to recolour, move
 * the cursor of or reorder the user's terminal, and a JSON line stays the same JSON.
 */
final class RecordPrinter {

    private static final int DLQ_PREVIEW = 200;

    private final Topic<?, ?> topic;
    private final PrintStream out;
    private final boolean json;

    RecordPrinter(Topic<?, ?> topic, PrintStream out, boolean json) {
        this.topic = topic;
        this.out = out;
        this.json = json;
    }

    /** The value as JSON; empty for a tombstone. The DLQ's bytes are shown as text with the reason headers. */
    Optional<ObjectNode> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        if (topic.name().equals(TopicNames.DLQ)) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ObjectNode headers = node.putObject("headers");
            for (Header h : record.headers()) {
                if (!h.key().endsWith("stacktrace")) {
                    headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                }
            }
            String text = new String(record.value(), StandardCharsets.UTF_8);
            node.put("value", text.length() > DLQ_PREVIEW ? text.substring(0, DLQ_PREVIEW) + "…" : text);
            return Optional.of(node);
        }
        Object value = topic.valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value());
        return Optional.of(AvroJson.toJson((IndexedRecord) value));
    }

    void print(ConsumerRecord<byte[], byte[]> record, Optional<ObjectNode> value) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (json) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("topic", record.topic());
            line.put("partition", record.partition());
            line.put("offset", record.offset());
            line.put("key", key);
            line.set("value", value.isPresent() ? value.get() : JsonNodeFactory.instance.nullNode());
            out.println(LogText.escape(line.toString()));
        } else {
            out.println(LogText.escape(
                    key + "  " + value.map(v -> human(topic.name(), v)).orElse("(deleted)")));
        }
    }

    private static String human(String topicName, JsonNode v) {
        return switch (topicName) {
            case TopicNames.RELATION_PAIRS ->
                String.format(
                        Locale.ROOT,
                        "events=%d articles=%d cooperation=%d conflict=%d avg-goldstein=%.1f",
                        v.path("eventCount").asInt(),
                        v.path("articleCount").asInt(),
                        v.path("cooperationCount").asInt(),
                        v.path("conflictCount").asInt(),
                        v.path("eventCount").asInt() == 0
                                ? 0
                                : v.path("goldsteinSum").asDouble()
                                        / v.path("eventCount").asInt());
            case TopicNames.RELATION_EVENTS ->
                String.format(
                        Locale.ROOT,
                        "%s %s→%s code=%s goldstein=%.1f articles=%d sources=%d \"%s\"",
                        v.path("date").asText(),
                        v.path("actor1Country").asText(),
                        v.path("actor2Country").asText(),
                        v.path("eventCode").asText(),
                        v.path("goldstein").asDouble(),
                        v.path("numArticles").asInt(),
                        v.path("numSources").asInt(),
                        v.path("sentence").asText());
            default -> v.toString();
        };
    }

    /** Whether a decoded record concerns the pair: by key, by its pairId, or by one of its events. */
    static boolean concernsPair(
            String topicName, ConsumerRecord<byte[], byte[]> record, JsonNode value, String pairId) {
        if (topicName.equals(TopicNames.RELATION_PAIRS)) {
            return record.key() != null && pairId.equals(new String(record.key(), StandardCharsets.UTF_8));
        }
        if (pairId.equals(value.path("pairId").asText(null))) {
            return true;
        }
        for (JsonNode event : value.path("events")) {
            if (pairId.equals(event.path("pairId").asText(null))) {
                return true;
            }
        }
        return false;
    }
}
