package io.bilateral.cli.eval;

import io.bilateral.registry.SchemaRegistryClient;
import io.bilateral.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The registry behind an offline run of the production topology ({@code score --clusters}): the Avro serdes only
 * register a writer's schema and read it back by id, within one process and one run of the project's own schemas. So
 * it keeps ids and nothing else; there is no earlier version to be compatible with, and the calls that manage
 * versions and compatibility are refused rather than answered with made-up values.
 */
final class OfflineSchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        return idsBySchema.computeIfAbsent(schema, s -> {
            schemasById.add(s);
            return schemasById.size();
        });
    }

    @Override
    public synchronized Schema getById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException(
                    "getById id " + id + ": no schema of this offline run has that id", 404, 40403);
        }
        return schemasById.get(id - 1);
    }

    @Override
    public SchemaVersion latest(String subject) {
        throw unsupported("latest");
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw unsupported("isCompatible");
    }

    @Override
    public void setCompatibility(String subject, String level) {
        throw unsupported("setCompatibility");
    }

    private static UnsupportedOperationException unsupported(String call) {
        return new UnsupportedOperationException(
                call + ": the offline registry keeps schema ids only; the serdes of an offline run never ask for it");
    }
}
