package io.bilateral.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Small versions of one record, to exercise compatibility rules without the project's large schemas. */
final class TestSchemas {

    /** v1: id and name. */
    static final Schema V1 = SchemaBuilder.record("Actor")
            .namespace("io.bilateral.test")
            .fields()
            .requiredString("id")
            .requiredString("name")
            .endRecord();
    /** v2: adds an optional field with a default — backward compatible. */
    static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Actor")
            .namespace("io.bilateral.test")
            .fields()
            .requiredString("id")
            .requiredString("name")
            .optionalString("role")
            .endRecord();
    /** v2: adds a required field without default — new readers cannot read old data. */
    static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("Actor")
            .namespace("io.bilateral.test")
            .fields()
            .requiredString("id")
            .requiredString("name")
            .requiredString("country")
            .endRecord();
    /** v2: drops "name" — new readers are fine, old readers cannot read new data. */
    static final Schema V2_DROPPED_FIELD = SchemaBuilder.record("Actor")
            .namespace("io.bilateral.test")
            .fields()
            .requiredString("id")
            .endRecord();
    /** id and a required country, no name: reads v2-with-country data, but not v1 data. */
    static final Schema ID_AND_COUNTRY = SchemaBuilder.record("Actor")
            .namespace("io.bilateral.test")
            .fields()
            .requiredString("id")
            .requiredString("country")
            .endRecord();
    /** A different record. */
    static final Schema OTHER = SchemaBuilder.record("Pair")
            .namespace("io.bilateral.test")
            .fields()
            .requiredString("pairId")
            .endRecord();

    private TestSchemas() {}
}
