package io.bilateral.serde;

import io.bilateral.registry.SchemaRegistryClient;
import io.bilateral.registry.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a generated Avro class. The writer schema is fetched by the id in the record
 * and resolved against the class's schema, so records written with an older (compatible) schema read fine. Null stays
 * null (tombstones). Every failure is a {@link SerializationException} naming the topic and what was wrong, since it
 * ends up in the dead-letter queue. Thread-safe; obtain it from {@link AvroSerde}.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final SchemaRegistryClient registry;
    private final SpecificData model;
    private final Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();

    AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_LENGTH) {
            throw new SerializationException("topic " + topic + ": record of " + data.length
                    + " bytes is too short for the Confluent wire format (magic byte + 4-byte schema id + Avro data)");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "topic %s: unknown magic byte 0x%02x (expected 0x00):"
                            + " the record is not in the Confluent Avro wire format",
                    topic, data[0]));
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        return decode(topic, id, reader(topic, id), data);
    }

    private T decode(String topic, int id, DatumReader<T> reader, byte[] data) {
        String what = readerSchema.getFullName() + " from schema id " + id + " (" + data.length + " bytes)";
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
        T value;
        try {
            value = reader.read(null, decoder);
        } catch (EOFException e) {
            throw new SerializationException(
                    "topic " + topic + ": truncated record: data ended while decoding " + what, e);
        } catch (AvroTypeException e) {
            throw new SerializationException(
                    "topic " + topic + ": writer schema id " + id + " cannot be read as " + readerSchema.getFullName()
                            + ": " + e.getMessage(),
                    e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "topic " + topic + ": corrupt Avro data decoding " + what + ": "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
        if (!isEnd(decoder)) {
            // the Avro data must fill the record exactly; leftovers mean a wrong schema id or a corrupt record
            throw new SerializationException(
                    "topic " + topic + ": corrupt record: bytes left over after decoding " + what);
        }
        return value;
    }

    private DatumReader<T> reader(String topic, int id) {
        DatumReader<T> cached = readersById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.getById(id);
        } catch (SchemaRegistryException e) {
            String problem = e.isNotFound()
                    ? "schema id " + id + " is unknown to the registry"
                    : "cannot fetch writer schema id " + id + " from the registry";
            throw new SerializationException("topic " + topic + ": " + problem + ": " + e.getMessage(), e);
        }
        DatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        readersById.putIfAbsent(id, reader);
        return reader;
    }

    private static boolean isEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            // isEnd only reads from the in-memory array; treat a failure like leftover bytes
            return false;
        }
    }
}
