package io.bilateral.serde;

/**
 * The Confluent wire format: one magic byte {@code 0}, the schema id as a 4-byte big-endian int, then the Avro binary
 * encoding of the value. Subjects follow Confluent's TopicNameStrategy: {@code <topic>-key} and {@code <topic>-value}.
 */
public final class WireFormat {

    /** First byte of every record in the format. */
    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro data: the magic byte and the schema id. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** The subject that holds the schemas of a topic's keys or values (TopicNameStrategy). */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
