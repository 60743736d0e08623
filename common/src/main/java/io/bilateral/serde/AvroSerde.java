package io.bilateral.serde;

import io.bilateral.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Avro serde in the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), subjects named by
 * TopicNameStrategy ({@code <topic>-value} / {@code <topic>-key}), for one generated class. Writing registers the
 * class's schema on first use per topic; reading resolves the writer schema (fetched by id) against the class's schema.
 * Logical types use the generated class's conversions ({@code timestamp-millis} ↔ {@code Instant}, {@code date} ↔
 * {@code LocalDate}). A null value (tombstone) stays null both ways. Records written here are readable by any
 * Confluent-compatible client. Built with its registry, so {@link #configure} has nothing to do; thread-safe.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        this.serializer = new AvroSerializer<>(registry, type, isKey);
        this.deserializer = new AvroDeserializer<>(registry, type);
    }

    /** Value serde for the generated class {@code type}, registering its schema on first write. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(SchemaRegistryClient registry, Class<T> type) {
        return new AvroSerde<>(registry, type, false);
    }

    /** Key serde for the generated class {@code type} (subject {@code <topic>-key}). */
    public static <T extends SpecificRecord> AvroSerde<T> forKeys(SchemaRegistryClient registry, Class<T> type) {
        return new AvroSerde<>(registry, type, true);
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }
}
