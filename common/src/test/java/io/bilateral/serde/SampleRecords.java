package io.bilateral.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds a record of any generated class with every field filled, by walking its schema: a new field in an .avsc is
 * covered by the round-trip tests without anyone writing a fixture for it. Values are derived from the field path, so
 * two fields never share a value by accident; nullable fields get their non-null branch unless {@code nulls} is set.
 */
final class SampleRecords {

    private static final Instant BASE_TIME = Instant.parse("2024-03-05T10:15:30.123Z");
    private static final LocalDate BASE_DATE = LocalDate.of(2024, 3, 5);

    private SampleRecords() {}

    static <T extends SpecificRecord> T filled(Class<T> type, boolean nulls) {
        SpecificData model = SpecificData.getForClass(type);
        return type.cast(value(model, model.getSchema(type), type.getSimpleName(), nulls));
    }

    private static Object value(SpecificData model, Schema schema, String path, boolean nulls) {
        int seed = Math.abs(path.hashCode() % 1000);
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return BASE_TIME.plusMillis(seed);
        }
        if (logical instanceof LogicalTypes.Date) {
            return BASE_DATE.plusDays(seed);
        }
        return switch (schema.getType()) {
            case RECORD -> record(model, schema, path, nulls);
            case UNION -> union(model, schema, path, nulls);
            case ARRAY ->
                List.of(
                        value(model, schema.getElementType(), path + "[0]", nulls),
                        value(model, schema.getElementType(), path + "[1]", nulls));
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("k1-" + path, value(model, schema.getValueType(), path + ".k1", nulls));
                map.put("k2-" + path, value(model, schema.getValueType(), path + ".k2", nulls));
                yield map;
            }
            case STRING -> path + " ✓ é";
            case INT -> seed;
            case LONG -> 10_000_000_000L + seed;
            case DOUBLE -> seed / 7.0;
            case FLOAT -> seed / 3.0f;
            case BOOLEAN -> seed % 2 == 0;
            case BYTES -> ByteBuffer.wrap(path.getBytes(StandardCharsets.UTF_8));
            case ENUM ->
                model.createEnum(
                        schema.getEnumSymbols()
                                .get(seed % schema.getEnumSymbols().size()),
                        schema);
            default -> throw new IllegalArgumentException("no sample for " + schema.getType() + " at " + path);
        };
    }

    private static Object record(SpecificData model, Schema schema, String path, boolean nulls) {
        SpecificRecord record = (SpecificRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), value(model, field.schema(), path + "." + field.name(), nulls));
        }
        return record;
    }

    private static Object union(SpecificData model, Schema schema, String path, boolean nulls) {
        List<Schema> branches = new ArrayList<>(schema.getTypes());
        boolean nullable = branches.removeIf(b -> b.getType() == Schema.Type.NULL);
        if (nulls && nullable) {
            return null;
        }
        return value(model, branches.get(0), path, nulls);
    }
}
