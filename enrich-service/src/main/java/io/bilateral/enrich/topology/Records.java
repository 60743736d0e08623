package io.bilateral.enrich.topology;

import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;

/** Copies of generated Avro records for the topology's per-record updates. */
final class Records {

    private Records() {}

    /**
     * A copy of {@code record} whose fields hold the same values (lists and nested records shared, not copied). The
     * generated {@code newBuilder(other)} deep-copies every field, converting each date and time to its Avro form and
     * back, on every report and pair summary update, although the topology only replaces the fields it changes and
     * never mutates a record once built. Field by field through the schema, so a field added to it is copied too.
     */
    static <T extends SpecificRecordBase> T shallowCopy(T record, Supplier<T> empty) {
        T copy = empty.get();
        int fields = record.getSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            copy.put(i, record.get(i));
        }
        return copy;
    }
}
