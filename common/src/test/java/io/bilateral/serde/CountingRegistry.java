package io.bilateral.serde;

import io.bilateral.registry.InMemorySchemaRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** An in-memory registry that counts the calls the serde makes, to prove its caching. */
final class CountingRegistry extends InMemorySchemaRegistry {
    final AtomicInteger registers = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public int register(String subject, Schema schema) {
        registers.incrementAndGet();
        return super.register(subject, schema);
    }

    @Override
    public Schema getById(int id) {
        lookups.incrementAndGet();
        return super.getById(id);
    }
}
