package io.bilateral.enrich.dictionary;

import io.bilateral.schemas.ActorEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The global store's update processor for {@code reference.actors}: keeps the store (the GlobalKTable) and tells the
 * runtime dictionary about each change. Kafka Streams runs it again over the topic when it restores the store.
 */
public final class ActorStoreUpdater implements Processor<String, ActorEntry, Void, Void> {

    private final String storeName;
    private final ActorUpdates updates;
    private KeyValueStore<String, ActorEntry> store;

    public ActorStoreUpdater(String storeName, ActorUpdates updates) {
        this.storeName = storeName;
        this.updates = updates;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ActorEntry> record) {
        if (record.value() == null) {
            store.delete(record.key());
            updates.remove(record.key());
        } else {
            store.put(record.key(), record.value());
            updates.upsert(record.value());
        }
    }
}
