package io.bilateral.enrich.dictionary;

import io.bilateral.schemas.ActorEntry;

/** Receives the changes of {@code reference.actors} as the global store applies them. */
public interface ActorUpdates {

    /** An entry was added or replaced. */
    void upsert(ActorEntry entry);

    /** The entry with this id was deleted (a tombstone). */
    void remove(String id);

    /** Ignores every change: for topologies whose enricher has a fixed dictionary. */
    ActorUpdates NONE = new ActorUpdates() {
        @Override
        public void upsert(ActorEntry entry) {}

        @Override
        public void remove(String id) {}
    };
}
