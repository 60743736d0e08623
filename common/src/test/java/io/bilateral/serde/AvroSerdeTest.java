package io.bilateral.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.registry.SchemaRegistryClient;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.schemas.TimelineDay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    private static final String TOPIC = "news.articles.raw";

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void shouldWriteTheConfluentWireFormatByteForByte() {
        SchemaRegistryClient fixedId = new FixedIdRegistry(0x01020304, ActorEntry.getClassSchema());
        AvroSerde<ActorEntry> serde = AvroSerde.forValues(fixedId, ActorEntry.class);
        ActorEntry entry = new ActorEntry("a", "B", List.of("x"), "T", "IRN", null, Instant.ofEpochSecond(1));

        byte[] bytes = serde.serializer().serialize("reference.actors", entry);

        byte[] expected = bytes(
                0x00, 0x01, 0x02, 0x03, 0x04, // magic byte, schema id big-endian
                0x02, 'a', // id: zig-zag length 1
                0x02, 'B', // name
                0x02, 0x02, 'x', 0x00, // aliases: one item, "x", end of array
                0x02, 'T', // type
                0x02, 0x06, 'I', 'R', 'N', // country: union branch 1 (string), "IRN"
                0x00, // role: union branch 0 (null)
                0xD0, 0x0F); // updatedAt: 1000 ms, zig-zag varint
        assertArrayEquals(expected, bytes);
        assertEquals(entry, serde.deserializer().deserialize("reference.actors", bytes));
    }

    @Test
    void shouldKeepTombstonesNull() {
        AvroSerde<ActorEntry> serde = AvroSerde.forValues(registry, ActorEntry.class);

        assertNull(serde.serializer().serialize("reference.actors", null));
        assertNull(serde.deserializer().deserialize("reference.actors", null));
        assertThat(registry.subjects()).isEmpty();
    }

    static Stream<Arguments> everyTopicValueClass() {
        return Stream.of(
                        RawArticle.class,
                        EnrichedArticle.class,
                        RelationshipEvent.class,
                        PairSummary.class,
                        ActorEntry.class)
                .flatMap(type -> Stream.of(Arguments.of(type, false), Arguments.of(type, true)));
    }

    @ParameterizedTest(name = "{0}, optional fields null: {1}")
    @MethodSource("everyTopicValueClass")
    <T extends SpecificRecord> void shouldRoundTripEveryGeneratedClass(Class<T> type, boolean nulls) {
        AvroSerde<T> serde = AvroSerde.forValues(registry, type);
        T original = SampleRecords.filled(type, nulls);

        byte[] bytes = serde.serializer().serialize(TOPIC, original);
        T copy = serde.deserializer().deserialize(TOPIC, bytes);

        assertEquals(original, copy);
        assertEquals(original.toString(), copy.toString());
    }

    @Test
    void shouldWriteLogicalTypesAsTheirAvroEncodingAndReadThemBack() throws IOException {
        AvroSerde<PairSummary> serde = AvroSerde.forValues(registry, PairSummary.class);
        PairSummary summary = SampleRecords.filled(PairSummary.class, false);
        LocalDate day = LocalDate.of(2024, 3, 5);
        Instant updated = Instant.parse("2024-03-05T12:00:00.250Z");
        summary.setTimeline(List.of(new TimelineDay(day, 3, 4.5)));
        summary.setUpdatedAt(updated);

        byte[] bytes = serde.serializer().serialize("relations.pairs", summary);

        GenericRecord raw = new GenericDatumReader<GenericRecord>(PairSummary.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        GenericRecord rawDay = (GenericRecord) ((List<?>) raw.get("timeline")).get(0);
        assertEquals((int) day.toEpochDay(), rawDay.get("date"));
        assertEquals(updated.toEpochMilli(), raw.get("updatedAt"));
        PairSummary copy = serde.deserializer().deserialize("relations.pairs", bytes);
        assertEquals(day, copy.getTimeline().get(0).getDate());
        assertEquals(updated, copy.getUpdatedAt());
    }

    @Test
    void shouldRegisterUnderTopicNameStrategySubjects() {
        ActorEntry entry = SampleRecords.filled(ActorEntry.class, false);

        AvroSerde.forValues(registry, ActorEntry.class).serializer().serialize("reference.actors", entry);
        AvroSerde.forKeys(registry, ActorEntry.class).serializer().serialize("reference.actors", entry);

        assertEquals(List.of("reference.actors-key", "reference.actors-value"), registry.subjects());
    }

    @Test
    void shouldRegisterOncePerTopicAndFetchEachWriterSchemaOnce() {
        CountingRegistry counting = new CountingRegistry();
        AvroSerde<RawArticle> writer = AvroSerde.forValues(counting, RawArticle.class);
        AvroSerde<RawArticle> reader = AvroSerde.forValues(counting, RawArticle.class);
        RawArticle article = SampleRecords.filled(RawArticle.class, false);

        for (int i = 0; i < 3; i++) {
            byte[] bytes = writer.serializer().serialize(TOPIC, article);
            assertEquals(article, reader.deserializer().deserialize(TOPIC, bytes));
        }

        assertEquals(1, counting.registers.get());
        assertEquals(1, counting.lookups.get());
    }

    @Test
    void shouldReadDataWrittenWithAnOlderSchemaUsingTheCurrentClass() throws IOException {
        Schema older = withoutFields(RawArticle.getClassSchema(), Set.of("sourceCountry", "language"));
        int olderId = registry.register(TOPIC + "-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("id", "a1");
        old.put("title", "Iran and Uzbekistan sign");
        old.put("body", "Tehran, March 5");
        old.put("url", "https://example.org/a1");
        old.put("source", "Tehran Times");
        old.put("published", 1_709_633_730_000L);
        old.put("ingestedAt", 1_709_633_731_000L);
        old.put("origin", "file:a1.txt");

        RawArticle article = AvroSerde.forValues(registry, RawArticle.class)
                .deserializer()
                .deserialize(TOPIC, framed(olderId, older, old));

        assertEquals("a1", article.getId());
        assertEquals("Tehran Times", article.getSource());
        assertEquals(Instant.ofEpochMilli(1_709_633_730_000L), article.getPublished());
        assertEquals(Instant.ofEpochMilli(1_709_633_731_000L), article.getIngestedAt());
        assertNull(article.getSourceCountry(), "field added later takes its default");
        assertNull(article.getLanguage(), "field added later takes its default");
    }

    @Test
    void shouldIgnoreFieldsThatOnlyANewerWriterSchemaHas() throws IOException {
        Schema newer = withExtraField(ActorEntry.getClassSchema(), "confidence", Schema.create(Schema.Type.DOUBLE));
        int newerId = registry.register("reference.actors-value", newer);
        GenericRecord record = new GenericData.Record(newer);
        record.put("id", "country:IRN");
        record.put("name", "Iran");
        record.put("aliases", List.of("Islamic Republic of Iran"));
        record.put("type", "COUNTRY");
        record.put("updatedAt", 1_000L);
        record.put("confidence", 0.9);

        ActorEntry entry = AvroSerde.forValues(registry, ActorEntry.class)
                .deserializer()
                .deserialize("reference.actors", framed(newerId, newer, record));

        assertEquals(
                new ActorEntry(
                        "country:IRN",
                        "Iran",
                        List.of("Islamic Republic of Iran"),
                        "COUNTRY",
                        null,
                        null,
                        Instant.ofEpochMilli(1_000L)),
                entry);
    }

    @Test
    void shouldRejectAWriterSchemaThatLacksARequiredField() throws IOException {
        Schema older = withoutFields(RawArticle.getClassSchema(), Set.of("origin"));
        int olderId = registry.register(TOPIC + "-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("id", "a1");
        old.put("title", "t");
        old.put("body", "b");
        old.put("ingestedAt", 1L);
        byte[] bytes = framed(olderId, older, old);
        AvroDeserializer<RawArticle> deserializer =
                AvroSerde.forValues(registry, RawArticle.class).deserializer();

        SerializationException e =
                assertThrows(SerializationException.class, () -> deserializer.deserialize(TOPIC, bytes));

        assertThat(e.getMessage())
                .contains(
                        "topic " + TOPIC,
                        "writer schema id " + olderId,
                        "cannot be read as io.bilateral.schemas.RawArticle",
                        "origin");
    }

    @Test
    void shouldNameTopicAndMagicByteWhenTheFormatIsWrong() {
        byte[] bytes = bytes(0x01, 0x00, 0x00, 0x00, 0x01, 0x02, 'a');

        SerializationException e =
                assertThrows(SerializationException.class, () -> rawArticles().deserialize(TOPIC, bytes));

        assertEquals(
                "topic news.articles.raw: unknown magic byte 0x01 (expected 0x00):"
                        + " the record is not in the Confluent Avro wire format",
                e.getMessage());
    }

    @Test
    void shouldRejectRecordsShorterThanTheHeader() {
        SerializationException e = assertThrows(
                SerializationException.class, () -> rawArticles().deserialize(TOPIC, bytes(0x00, 0x00, 0x01)));

        assertThat(e.getMessage()).startsWith("topic news.articles.raw: record of 3 bytes is too short");
    }

    @Test
    void shouldNameTheUnknownSchemaId() {
        SerializationException e = assertThrows(
                SerializationException.class,
                () -> rawArticles().deserialize(TOPIC, bytes(0x00, 0x00, 0x00, 0x00, 0x63, 0x02, 'a')));

        assertThat(e.getMessage()).startsWith("topic news.articles.raw: schema id 99 is unknown to the registry");
    }

    @Test
    void shouldReportTruncatedData() {
        AvroSerde<RawArticle> serde = AvroSerde.forValues(registry, RawArticle.class);
        byte[] whole = serde.serializer().serialize(TOPIC, SampleRecords.filled(RawArticle.class, false));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

        SerializationException e = assertThrows(
                SerializationException.class, () -> serde.deserializer().deserialize(TOPIC, truncated));

        assertThat(e.getMessage())
                .startsWith("topic news.articles.raw: truncated record: data ended while decoding"
                        + " io.bilateral.schemas.RawArticle from schema id 1 (" + truncated.length + " bytes)");
    }

    @Test
    void shouldReportBytesLeftOverAfterTheRecord() {
        AvroSerde<ActorEntry> serde = AvroSerde.forValues(registry, ActorEntry.class);
        byte[] whole = serde.serializer().serialize("reference.actors", SampleRecords.filled(ActorEntry.class, true));
        byte[] padded = Arrays.copyOf(whole, whole.length + 2);

        SerializationException e = assertThrows(
                SerializationException.class, () -> serde.deserializer().deserialize("reference.actors", padded));

        assertThat(e.getMessage()).startsWith("topic reference.actors: corrupt record: bytes left over");
    }

    @Test
    void shouldNotReadOneRecordTypeAsAnother() {
        byte[] article = AvroSerde.forValues(registry, RawArticle.class)
                .serializer()
                .serialize(TOPIC, SampleRecords.filled(RawArticle.class, false));
        AvroDeserializer<ActorEntry> actors =
                AvroSerde.forValues(registry, ActorEntry.class).deserializer();

        SerializationException e = assertThrows(SerializationException.class, () -> actors.deserialize(TOPIC, article));

        assertThat(e.getMessage())
                .startsWith("topic news.articles.raw: writer schema id 1 cannot be read as"
                        + " io.bilateral.schemas.ActorEntry");
    }

    @Test
    void shouldNameTopicAndSubjectWhenTheRegistryRefusesTheSchema() {
        registry.setCompatibility(null, "BACKWARD");
        // data written without "origin" could not be read by the class, which requires it: BACKWARD forbids that
        registry.register("other-value", withoutFields(RawArticle.getClassSchema(), Set.of("origin")));
        AvroSerializer<RawArticle> serializer =
                AvroSerde.forValues(registry, RawArticle.class).serializer();
        RawArticle article = SampleRecords.filled(RawArticle.class, false);

        SerializationException e =
                assertThrows(SerializationException.class, () -> serializer.serialize("other", article));

        assertThat(e.getMessage())
                .startsWith("topic other: cannot register schema io.bilateral.schemas.RawArticle"
                        + " under subject other-value: ")
                .contains("incompatible under BACKWARD", "origin");
    }

    @Test
    void shouldNameTopicAndTypeWhenARecordCannotBeEncoded() {
        AvroSerializer<ActorEntry> serializer =
                AvroSerde.forValues(registry, ActorEntry.class).serializer();

        SerializationException e = assertThrows(
                SerializationException.class, () -> serializer.serialize("reference.actors", new ActorEntry()));

        assertThat(e.getMessage())
                .startsWith(
                        "topic reference.actors: cannot encode io.bilateral.schemas.ActorEntry" + " with schema id 1: ")
                .contains("id");
    }

    private AvroDeserializer<RawArticle> rawArticles() {
        return AvroSerde.forValues(registry, RawArticle.class).deserializer();
    }

    private static byte[] framed(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The same record schema without some fields: an "older version" made from the current one. */
    private static Schema withoutFields(Schema schema, Set<String> dropped) {
        List<Schema.Field> fields = schema.getFields().stream()
                .filter(f -> !dropped.contains(f.name()))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withExtraField(Schema schema, String name, Schema type) {
        List<Schema.Field> fields = new ArrayList<>(schema.getFields().stream()
                .map(f -> new Schema.Field(f, f.schema()))
                .toList());
        fields.add(new Schema.Field(name, type, null, (Object) null));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** A registry that hands out one fixed id, so the id's byte order is visible in the output. */
    private record FixedIdRegistry(int id, Schema schema) implements SchemaRegistryClient {
        @Override
        public int register(String subject, Schema registered) {
            return id;
        }

        @Override
        public Schema getById(int requested) {
            return schema;
        }

        @Override
        public SchemaVersion latest(String subject) {
            return new SchemaVersion(subject, 1, id, schema);
        }

        @Override
        public boolean isCompatible(String subject, Schema candidate) {
            return true;
        }

        @Override
        public void setCompatibility(String subject, String level) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
