package io.bilateral.serde;

import io.bilateral.registry.SchemaRegistryClient;
import io.bilateral.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a generated Avro class in the Confluent wire format. The class's schema is registered under the topic's
 * subject on the first record written to that topic, and the id is cached from then on. Null (a tombstone) is written
 * as null. Thread-safe; obtain it from {@link AvroSerde}.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final Logger log = LoggerFactory.getLogger(AvroSerializer.class);

    private final SchemaRegistryClient registry;
    private final boolean isKey;
    private final Schema schema;
    private final DatumWriter<T> writer;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    AvroSerializer(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
        // the generated class's own SpecificData carries its logical type conversions (Instant, LocalDate)
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = schemaId(topic);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "topic " + topic + ": cannot encode " + schema.getFullName() + " with schema id " + id + ": "
                            + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    /**
     * Registers the schema under {@code topic}'s subject now and caches its id, which is what the first
     * {@link #serialize} to that topic would do. Services call it for every topic they write before they start, so
     * a registry that is slow, down or racing other instances holds up the start, not a record.
     *
     * @throws SchemaRegistryException when the registry refuses or cannot be reached
     */
    public int register(String topic) {
        Integer cached = idsByTopic.get(topic);
        if (cached != null) {
            return cached;
        }
        int id = registry.register(WireFormat.subject(topic, isKey), schema);
        idsByTopic.put(topic, id);
        log.debug("Topic {} writes {} with schema id {}", topic, schema.getFullName(), id);
        return id;
    }

    private int schemaId(String topic) {
        try {
            return register(topic);
        } catch (SchemaRegistryException e) {
            // the registry error stays the cause: the Streams exception handlers look for it to tell registry trouble
            // (retry the record) from a bad record (dead-letter it)
            throw new SerializationException(
                    "topic " + topic + ": cannot register schema " + schema.getFullName() + " under subject "
                            + WireFormat.subject(topic, isKey) + ": " + e.getMessage(),
                    e);
        }
    }
}
