package io.bilateral.serde;

import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.registry.SchemaRegistryClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** An in-memory registry that counts the calls the serde makes, to prove its caching. */
final class CountingRegistry implements SchemaRegistryClient {

    final InMemorySchemaRegistry delegate = new InMemorySchemaRegistry();
    final AtomicInteger registers = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public int register(String subject, Schema schema) {
        registers.incrementAndGet();
        return delegate.register(subject, schema);
    }

    @Override
    public Schema getById(int id) {
        lookups.incrementAndGet();
        return delegate.getById(id);
    }

    @Override
    public SchemaVersion latest(String subject) {
        return delegate.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return delegate.isCompatible(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        delegate.setCompatibility(subject, level);
    }
}
