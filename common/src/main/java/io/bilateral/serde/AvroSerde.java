package io.bilateral.serde;

import io.bilateral.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro serde in the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), subjects named by
 * TopicNameStrategy ({@code <topic>-value} / {@code <topic>-key}). A null value (tombstone) stays null both ways.
 * TODO(helper A): implement; this signature is what the rest of the code uses.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Value serde for the generated class {@code type}, registering its schema on first write. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(SchemaRegistryClient registry, Class<T> type) {
        return new AvroSerde<>(registry, type, false);
    }

    @Override
    public Serializer<T> serializer() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Deserializer<T> deserializer() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
