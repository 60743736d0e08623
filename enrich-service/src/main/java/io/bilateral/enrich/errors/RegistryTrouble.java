package io.bilateral.enrich.errors;

import io.bilateral.registry.SchemaRegistryException;
import java.util.Optional;

/**
 * Tells a record's own fault from the schema registry's. A serializer or deserializer that could not reach the
 * registry, or got an error from it, fails for a reason that has nothing to do with the record: the same record
 * goes through once the registry answers. Such a failure must never send the record to the dead-letter queue (which
 * drops it from the pipeline); the stream thread fails instead, and exactly-once processes the record again from the
 * last commit. The one registry answer that is the record's fault is an unknown schema id in its bytes.
 */
public final class RegistryTrouble {

    /** Confluent error code: the schema id is not in this registry. */
    static final int SCHEMA_NOT_FOUND = 40403;

    private RegistryTrouble() {}

    /** The registry error behind {@code error}, unless there is none or it is the record's fault. */
    public static Optional<SchemaRegistryException> of(Throwable error) {
        return SchemaRegistryException.findIn(error)
                .filter(e -> !(e.isNotFound() && e.errorCode() == SCHEMA_NOT_FOUND));
    }
}
